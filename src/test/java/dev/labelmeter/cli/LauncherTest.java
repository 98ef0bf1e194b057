package dev.labelmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/labelmeter} checks its environment before it builds or starts anything. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
  @TempDir Path temp;

  @Test
  void aJdkOlderThan17IsRefusedWithTheWayOut() throws Exception {
    Path javaHome = fakeJava("openjdk version \"11.0.2\" 2019-01-15");

    Outcome outcome = launch(Map.of("JAVA_HOME", javaHome.toString()), "--version");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.err())
        .contains("Java 17 or newer is needed")
        .contains("Java 11.0.2")
        .contains("JAVA_HOME");
  }

  @Test
  void anOldStyleJavaVersionIsReadAsItsMajorVersion() throws Exception {
    Path javaHome = fakeJava("java version \"1.8.0_292\"");

    Outcome outcome = launch(Map.of("JAVA_HOME", javaHome.toString()), "--version");

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.err()).contains("Java 1.8.0_292");
  }

  @Test
  void aMalformedHeapIsAUsageError() throws Exception {
    Outcome outcome = launch(Map.of("LABELMETER_HEAP", "lots"), "--version");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("'lots' is not a heap size").contains("4g");
  }

  private record Outcome(int exitCode, String err) {}

  private Path fakeJava(String versionLine) throws IOException {
    Path bin = Files.createDirectories(temp.resolve("jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return temp.resolve("jdk");
  }

  private static Outcome launch(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("bash");
    builder.command().add(Path.of("scripts/labelmeter").toAbsolutePath().toString());
    builder.command().addAll(java.util.List.of(args));
    builder.environment().putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Outcome(process.exitValue(), err);
  }
}
