package dev.labelmeter.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

  @Test
  void charactersThatCouldEndTheScriptElementAreUnicodeEscapes() {
    String json = ScriptJson.of(Map.of("name", "</script><!-- a&b \u2028\u2029"));

    assertThat(json)
        .isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003c!-- a\\u0026b \\u2028\\u2029\"}");
  }

  @Test
  void theEscapedJsonReadsBackToTheSameValues() throws Exception {
    Map<String, Object> value =
        Map.of("logins", List.of("<img src=x onerror=alert(1)>", "Ω & \"q\""), "n", 1.5);

    Object back = new ObjectMapper().readValue(ScriptJson.of(value), Map.class);

    assertThat(back).isEqualTo(value);
  }
}
