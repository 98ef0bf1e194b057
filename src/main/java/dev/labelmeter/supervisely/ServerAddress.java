package dev.labelmeter.supervisely;

import java.net.URI;
import java.net.URISyntaxException;

/** Server address normalisation as the Python SDK does it. */
public final class ServerAddress {
  private ServerAddress() {}

  /**
   * Returns {@code address} trimmed, without leading or trailing {@code /}, and with {@code
   * http://} prepended when it has neither {@code http://} nor {@code https://}.
   *
   * @throws SuperviselyException (configuration) when the address is blank or not a URL
   */
  public static String normalise(String address) {
    if (address == null || address.isBlank()) {
      throw SuperviselyException.configuration(
          "The Supervisely server address is empty",
          "Set SERVER_ADDRESS, e.g. SERVER_ADDRESS=https://app.supervisely.com");
    }
    String trimmed = stripSlashes(address.strip());
    if (!trimmed.contains("http://") && !trimmed.contains("https://")) {
      trimmed = "http://" + trimmed;
    }
    requireUrl(trimmed);
    return trimmed;
  }

  private static String stripSlashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '/') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '/') {
      end--;
    }
    return text.substring(start, end);
  }

  private static void requireUrl(String address) {
    try {
      URI uri = new URI(address);
      if (uri.getHost() == null) {
        throw new URISyntaxException(address, "no host");
      }
    } catch (URISyntaxException e) {
      throw SuperviselyException.configuration(
          "The Supervisely server address \""
              + address
              + "\" is not a valid URL ("
              + e.getReason()
              + ")",
          "Set SERVER_ADDRESS to scheme and host, e.g. SERVER_ADDRESS=https://app.supervisely.com");
    }
  }
}
