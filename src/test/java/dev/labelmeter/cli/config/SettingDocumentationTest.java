package dev.labelmeter.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every setting is documented in the reference and in the shipped configuration file. */
class SettingDocumentationTest {

  @Test
  void theReferenceNamesEveryKeyVariableAndDefault() throws IOException {
    String reference = Files.readString(Path.of("docs/configuration.md"));

    for (Setting setting : Setting.values()) {
      setting.key().ifPresent(key -> assertThat(reference).contains("| `" + key + "` |"));
      assertThat(reference).as(setting.name()).contains("`" + setting.envVar() + "`");
      setting
          .defaultText()
          .ifPresent(text -> assertThat(reference).as(setting.name()).contains("`" + text + "`"));
      setting.flag().ifPresent(flag -> assertThat(reference).contains("`" + flag));
    }
  }

  @Test
  void theShippedFileNamesEveryVariable() throws IOException {
    String shipped = Files.readString(Path.of("conf/labelmeter.yaml"));

    for (Setting setting : Setting.values()) {
      if (setting.key().isPresent()) {
        assertThat(shipped).as(setting.name()).contains(setting.envVar());
      }
    }
  }
}
