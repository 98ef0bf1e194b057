package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.labelmeter.supervisely.RecordingServer.Reply;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class ConnectionConfigTest {
  @TempDir Path home;

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "https://app.supervisely.com/, https://app.supervisely.com",
    "'  https://app.supervisely.com//  ', https://app.supervisely.com",
    "app.supervisely.com, https://app.supervisely.com",
    "sv.example.com:8443/prefix, https://sv.example.com:8443/prefix",
    "/10.0.0.5:8080/, http://10.0.0.5:8080",
    "[::1]:8080, http://[::1]:8080",
    "http://localhost:5000, http://localhost:5000",
    "http://sv.example.com, http://sv.example.com",
    "HTTPS://App.Supervisely.com, https://App.Supervisely.com",
    "localhost:8080/, http://localhost:8080"
  })
  void addressesAreNormalisedAndAHostNameWithoutSchemeGetsHttps(String given, String expected) {
    assertThat(ServerAddress.normalise(given)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({
    "http://127.0.0.1:41267/?x-api-key=SeCrEtKeY, http://127.0.0.1:41267/?..., query",
    "https://sv.example.com/prefix#SeCrEtKeY, https://sv.example.com/prefix#..., fragment",
    "sv.example.com?SeCrEtKeY, https://sv.example.com?..., query"
  })
  void aQueryOrFragmentIsRefusedWithoutShowingIt(String given, String shown, String part) {
    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> ServerAddress.normalise(given));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .contains("\"" + shown + "\" has a " + part)
        .doesNotContain("SeCrEtKeY");
  }

  @Test
  void aPortAbove65535IsAConfigurationError() {
    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class, () -> ServerAddress.normalise("http://127.0.0.1:99999"));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("is not a valid URL (the port 99999 is above 65535)");
  }

  @Test
  void aBlankAddressIsAConfigurationError() {
    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> ServerAddress.normalise(" / "));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .contains(
            "Set the server address (--server or SERVER_ADDRESS)", "https://app.supervisely.com");
  }

  @Test
  void theHomeOfTheDotenvFileIsHomeWhenSetAsForTheSdk() {
    assertThat(SuperviselyApi.homeDirectory(Map.of("HOME", "/srv/ops")))
        .isEqualTo(Path.of("/srv/ops"));
    assertThat(SuperviselyApi.homeDirectory(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home")));
    assertThat(SuperviselyApi.homeDirectory(Map.of("HOME", " ")))
        .isEqualTo(Path.of(System.getProperty("user.home")));
  }

  @Test
  void environmentVariablesAreUsedWithoutReadingTheFile() throws Exception {
    Files.writeString(home.resolve("supervisely.env"), "SERVER_ADDRESS=https://file.example\n");

    SuperviselyApi api =
        SuperviselyApi.builderFromEnv(
                Map.of("SERVER_ADDRESS", "https://env.example/", "API_TOKEN", TOKEN), home)
            .build();

    assertThat(api.serverAddress()).isEqualTo("https://env.example");
    assertThat(api.toString()).doesNotContain(TOKEN);
  }

  @Test
  void theDotenvFileFillsMissingVariablesWithoutOverridingSetOnes() throws Exception {
    try (RecordingServer server = new RecordingServer()) {
      Files.writeString(
          home.resolve("supervisely.env"),
          "# credentials\n"
              + "export SERVER_ADDRESS=\"https://file.example\"\n"
              + "API_TOKEN='"
              + TOKEN
              + "'\n");
      server.enqueue("teams.info", Reply.json("{\"id\": 8, \"name\": \"Team\"}"));

      SuperviselyApi api =
          SuperviselyApi.builderFromEnv(Map.of("SERVER_ADDRESS", server.address()), home)
              .sleeper(new RecordingSleeper())
              .build();
      api.teams().getInfoById(8);

      assertThat(api.serverAddress()).isEqualTo(server.address());
      assertThat(server.requests().get(0).header("x-api-key")).isEqualTo(TOKEN);
    }
  }

  @Test
  void theDotenvFileIsNotReadInProduction() throws Exception {
    Files.writeString(home.resolve("supervisely.env"), "API_TOKEN=" + TOKEN + "\n");

    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () ->
                SuperviselyApi.builderFromEnv(
                    Map.of("SERVER_ADDRESS", "https://a.example", "ENV", "production"), home));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("API_TOKEN is set neither in the environment");
  }

  @Test
  void missingCredentialsNameTheVariableAndTheFile() {
    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class, () -> SuperviselyApi.builderFromEnv(Map.of(), home));

    assertThat(e.getMessage())
        .contains("SERVER_ADDRESS", home.resolve("supervisely.env").toString(), "Export");
  }

  @Test
  void retryVariablesOfTheSdkAreHonouredAndCheckedForNumbers() {
    Map<String, String> env =
        Map.of(
            "SERVER_ADDRESS", "https://a.example",
            "API_TOKEN", TOKEN,
            "SUPERVISELY_PUBLIC_API_RETRIES", "many");

    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class, () -> SuperviselyApi.builderFromEnv(env, home));

    assertThat(e.getMessage()).contains("SUPERVISELY_PUBLIC_API_RETRIES=\"many\"");
  }

  @Test
  void theApiServerAddressOverrideReplacesThePublicApiPrefix() throws Exception {
    try (RecordingServer server = new RecordingServer()) {
      server.enqueue("teams.info", Reply.json("{\"id\": 8}"));
      Map<String, String> env =
          Map.of(
              "SERVER_ADDRESS",
              "https://unused.example",
              "API_TOKEN",
              TOKEN,
              "SUPERVISELY_API_SERVER_ADDRESS",
              server.address() + "/public/api/");

      SuperviselyApi.builderFromEnv(env, home).build().teams().getInfoById(8);

      assertThat(server.requests().get(0).path()).isEqualTo("/public/api/v3/teams.info");
    }
  }

  @Test
  void aTokenWithALineBreakInsideIsRejectedWithoutShowingIt() {
    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () ->
                SuperviselyApi.builder()
                    .server("https://a.example")
                    .token("abc\ndef" + TOKEN)
                    .build());

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("line breaks").doesNotContain(TOKEN);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ftp://x", "file:///etc/passwd", "ws://app.supervisely.com"})
  void schemesOtherThanHttpAndHttpsAreRefused(String address) {
    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> SuperviselyApi.builder().server(address).token(TOKEN).build());

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .startsWith("The Supervisely server address \"" + address + "\" uses the scheme ")
        .contains(
            "only http:// and https:// are supported",
            "Set the server address (--server or SERVER_ADDRESS) to https://");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://10.0.0.5:8080/public/api/v3, /public/api/v3, http://10.0.0.5:8080",
    "https://app.supervisely.com/public/api/, /public/api, https://app.supervisely.com",
    "https://app.supervisely.com/public/api/v3/jobs.list, /public/api/v3/jobs.list,"
        + " https://app.supervisely.com",
    "https://app.supervisely.com/v3, /v3, https://app.supervisely.com",
    "https://sv.example.com/team/api/v3, /api/v3, https://sv.example.com/team",
    "https://v3.example.com/public, /public, https://v3.example.com"
  })
  void anAddressEndingInAnApiPathIsRefusedNamingTheAddressToUse(
      String address, String apiPath, String instance) {
    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> SuperviselyApi.builder().server(address).token(TOKEN).build());

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .isEqualTo(
            "The Supervisely server address \"%s\" ends in the API path %s, which the client adds"
                + " itself. Set the server address (--server or SERVER_ADDRESS) to the instance"
                + " without that path: %s",
            ServerAddress.normalise(address), apiPath, instance);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://sv.example.com/supervisely", "http://10.0.0.5:8080/apis"})
  void anInstanceUnderAPathThatIsNotTheApisIsKept(String address) {
    SuperviselyApi api = SuperviselyApi.builder().server(address).token(TOKEN).build();

    assertThat(api.serverAddress()).isEqualTo(address);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "http://u:SECRETX@sv.example.com",
        "u:SECRETX@sv.example.com:8080/",
        "ftp://u:SECRETX@sv.example.com",
        "http://u:SECRETX@",
        "http://u:SECRE@TX@sv.example.com/x"
      })
  void anAddressWithAUserOrPasswordIsRefusedWithoutShowingThem(String address) {
    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> SuperviselyApi.builder().server(address).token(TOKEN).build());

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage()).doesNotContain("SECRE", "TX@").contains("***@");
  }

  @Test
  void aUserAndPasswordInTheAddressAreMaskedAndTheTokenIsSaidToGoInApiToken() {
    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> ServerAddress.normalise("https://me:SECRETX@sv.example.com:8443/"));

    assertThat(e.getMessage())
        .isEqualTo(
            "The Supervisely server address \"https://***@sv.example.com:8443\" holds a user name"
                + " or password before the @. Remove it from the server address (--server or"
                + " SERVER_ADDRESS); the API token goes in API_TOKEN, never in the address");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://app.supervisely.com, true",
    "http://10.0.0.5:8080, true",
    "http://128.0.0.1, true",
    "http://localhost.example.com, true",
    "https://app.supervisely.com, false",
    "http://localhost:5000, false",
    "http://LOCALHOST, false",
    "http://127.0.0.1:8080, false",
    "http://127.1.2.3, false",
    "'http://[::1]:8080', false"
  })
  void theTokenTravelsInClearOnlyOverHttpToAHostOffThisMachine(String address, boolean clear) {
    assertThat(ServerAddress.sendsTokenInClear(ServerAddress.normalise(address))).isEqualTo(clear);
  }

  @Test
  void aClientForAPlainHttpHostOffThisMachineWarnsOnceToUseHttps() {
    List<ILoggingEvent> warnings =
        warningsWhile(() -> SuperviselyApi.builder().server("10.0.0.5:8080").token(TOKEN).build());

    assertThat(warnings)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .asString()
        .contains("http://10.0.0.5:8080 is plain http", "use https://10.0.0.5:8080")
        .doesNotContain(TOKEN);
  }

  @Test
  void aClientForLocalhostOrHttpsDoesNotWarn() {
    List<ILoggingEvent> warnings =
        warningsWhile(
            () -> {
              SuperviselyApi.builder().server("http://localhost:5000").token(TOKEN).build();
              SuperviselyApi.builder().server("http://127.0.0.1:5000").token(TOKEN).build();
              SuperviselyApi.builder().server("https://app.supervisely.com").token(TOKEN).build();
            });

    assertThat(warnings).isEmpty();
  }

  private static List<ILoggingEvent> warningsWhile(Runnable action) {
    Logger logger = (Logger) LoggerFactory.getLogger(ServerAddress.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      action.run();
    } finally {
      logger.detachAppender(appender);
    }
    return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
  }
}
