package dev.labelmeter.cli;

import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.util.Map;

/** Opens the Supervisely client from the effective settings. */
public final class ServerConnection {

  private ServerConnection() {}

  /**
   * Returns a client for the server and token of {@code settings}, with their timeouts and
   * retries; {@code SUPERVISELY_API_SERVER_ADDRESS} in {@code env} replaces the API base URL, as
   * in Supervisely's SDK.
   *
   * @throws dev.labelmeter.cli.config.ConfigException if the server or the token is missing
   */
  public static SuperviselyApi open(Settings settings, Map<String, String> env) {
    String server = settings.requireServer();
    String token = settings.requireToken().reveal();
    SuperviselyApi.Builder builder =
        SuperviselyApi.builder()
            .server(server)
            .token(token)
            .connectTimeout(settings.connectTimeout())
            .requestTimeout(settings.requestTimeout())
            .maxRetries(settings.retries());
    String apiBase = env.get("SUPERVISELY_API_SERVER_ADDRESS");
    if (apiBase != null && !apiBase.isBlank()) {
      builder.apiBaseUrl(apiBase);
    }
    return builder.build();
  }
}
