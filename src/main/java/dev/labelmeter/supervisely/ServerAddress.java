package dev.labelmeter.supervisely;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Server address normalisation as the Python SDK does it, and what the address tells. */
public final class ServerAddress {
  /** A scheme such as {@code http://} or {@code ftp://} at the start of an address. */
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

  private static final Logger LOG = LoggerFactory.getLogger(ServerAddress.class);

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("^127(\\.\\d{1,3}){3}$");

  /** An IPv4 address or a bracketed IPv6 address, as a URI's host. */
  private static final Pattern IP_LITERAL = Pattern.compile("^(\\d{1,3}(\\.\\d{1,3}){3}|\\[.*])$");

  /**
   * The part of a path that is the API's rather than the instance's: {@code /public/api} and
   * anything after it, or a trailing {@code /public}, {@code /api}, {@code /api/v3} or {@code /v3}.
   */
  private static final Pattern API_PATH =
      Pattern.compile("(?i)(/public/api(/.*)?|/public|/api(/v\\d+)?|/v\\d+)$");

  /** The authority of an address up to its last {@code @}: the user-info part, if any. */
  private static final Pattern USER_INFO =
      Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*://)?)[^/?#]*@");

  /** Says where the address is set, for hints; the client cannot tell which one was used. */
  static final String SETTING = "the server address (--server or SERVER_ADDRESS)";

  private ServerAddress() {}

  /**
   * Returns the server address {@code address} normalised as by {@link #normalise}, after checking
   * that it is the instance itself: without an API path such as {@code /public/api/v3}, which the
   * client adds (the SDK would add it a second time, and every call would get a 404).
   *
   * @throws SuperviselyException (configuration) as {@link #normalise} does, and when the address
   *     ends in an API path
   */
  public static String normaliseServer(String address) {
    String normalised = normalise(address);
    URI uri = URI.create(normalised);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    Matcher api = API_PATH.matcher(path);
    if (api.find()) {
      String instance =
          uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, api.start());
      throw SuperviselyException.configuration(
          "The Supervisely server address \""
              + normalised
              + "\" ends in the API path "
              + api.group()
              + ", which the client adds itself",
          "Set " + SETTING + " to the instance without that path: " + instance);
    }
    return normalised;
  }

  /**
   * Returns {@code address} trimmed, without leading or trailing {@code /}, and with a scheme
   * when it has none: {@code http://} for a loopback host or an IP address (a local or in-house
   * server, as the SDK does for every address), {@code https://} for a host name, so that the
   * token never goes unencrypted to a named server by omission. The scheme is lower-cased.
   *
   * @throws SuperviselyException (configuration) when the address is blank, not a URL, has a
   *     scheme other than {@code http} and {@code https}, holds a user name or password, a query
   *     ({@code ?...}) or a fragment ({@code #...})
   */
  public static String normalise(String address) {
    String trimmed = address == null ? "" : stripSlashes(address.strip());
    if (trimmed.isEmpty()) {
      throw SuperviselyException.configuration(
          "The Supervisely server address is empty",
          "Set " + SETTING + ", e.g. https://app.supervisely.com");
    }
    Matcher scheme = SCHEME.matcher(trimmed);
    if (!scheme.find()) {
      trimmed = defaultScheme(trimmed) + trimmed;
    } else {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      requireHttp(trimmed, name);
      trimmed = name + trimmed.substring(scheme.group(1).length());
    }
    requireNoQueryOrFragment(trimmed);
    requireUrl(trimmed);
    requireNoUserInfo(trimmed);
    return trimmed;
  }

  /** Returns the scheme for an address given without one; see {@link #normalise}. */
  private static String defaultScheme(String address) {
    try {
      String host = new URI("http://" + address).getHost();
      if (host == null || isLoopback(host) || IP_LITERAL.matcher(host).matches()) {
        return "http://";
      }
      return "https://";
    } catch (URISyntaxException e) {
      return "http://"; // refused with its reason by requireUrl
    }
  }

  /**
   * Refuses a query or fragment: the client appends the API path to the address, so either would
   * end up in the middle of every URL. The rest is not shown, as it may hold a key.
   */
  private static void requireNoQueryOrFragment(String address) {
    int cut = indexOfAny(address, '?', '#');
    if (cut >= 0) {
      String instance = maskUserInfo(address.substring(0, cut));
      throw SuperviselyException.configuration(
          "The Supervisely server address \""
              + instance
              + address.charAt(cut)
              + "...\" has a "
              + (address.charAt(cut) == '?' ? "query" : "fragment")
              + " after the host and path",
          "Set " + SETTING + " to the instance alone: " + stripSlashes(instance));
    }
  }

  private static int indexOfAny(String text, char first, char second) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == first || text.charAt(i) == second) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns {@code address} with any user name and password replaced by {@code ***}, for messages:
   * {@code http://u:secret@host} becomes {@code http://***@host}.
   */
  public static String maskUserInfo(String address) {
    return USER_INFO.matcher(address).replaceFirst("$1***@");
  }

  /**
   * Returns {@code address} as it may be shown: user name and password as {@code ***}, a query or
   * fragment as {@code ?...} or {@code #...}, since any of them may hold a secret.
   */
  public static String masked(String address) {
    String shown = maskUserInfo(address);
    int cut = indexOfAny(shown, '?', '#');
    return cut < 0 ? shown : shown.substring(0, cut + 1) + "...";
  }

  private static void requireNoUserInfo(String address) {
    if (URI.create(address).getRawUserInfo() != null) {
      throw SuperviselyException.configuration(
          "The Supervisely server address \""
              + maskUserInfo(address)
              + "\" holds a user name or password before the @",
          "Remove it from " + SETTING + "; the API token goes in API_TOKEN, never in the address");
    }
  }

  /**
   * Returns {@code scheme://host[:port]} of a normalised address: what a user recognises as the
   * server, without the API path.
   */
  static String origin(String address) {
    URI uri = URI.create(address);
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port;
  }

  /** Returns {@code address} with its scheme swapped between {@code http} and {@code https}. */
  static String otherScheme(String address) {
    if (address.startsWith("https://")) {
      return "http://" + address.substring("https://".length());
    }
    return "https://" + address.substring("http://".length());
  }

  /**
   * Returns whether the API token would travel unencrypted off this machine: the address is
   * {@code http://} and its host is not loopback ({@code localhost}, 127.0.0.0/8, {@code ::1}).
   * No name is resolved to decide.
   */
  static boolean sendsTokenInClear(String address) {
    URI uri = URI.create(address);
    return "http".equals(uri.getScheme()) && !isLoopback(uri.getHost());
  }

  /** Logs a warning when {@link #sendsTokenInClear} holds for {@code apiBase}; call once. */
  static void warnIfTokenInClear(String apiBase) {
    if (sendsTokenInClear(apiBase)) {
      String server = origin(apiBase);
      LOG.warn(
          "{} is plain http: the API token goes unencrypted to {}; use {} unless the whole network"
              + " path is trusted",
          server,
          URI.create(apiBase).getHost(),
          otherScheme(server));
    }
  }

  private static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    if (IPV4_LOOPBACK.matcher(name).matches()) {
      return true;
    }
    if (name.startsWith("[") && name.endsWith("]")) {
      try {
        // A bracketed IPv6 literal: parsed, never looked up.
        return InetAddress.getByName(name.substring(1, name.length() - 1)).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
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

  private static void requireHttp(String address, String scheme) {
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw SuperviselyException.configuration(
          "The Supervisely server address \""
              + maskUserInfo(address)
              + "\" uses the scheme "
              + scheme
              + "://, but only http:// and https:// are supported",
          "Set "
              + SETTING
              + " to https://host (or http://host:port for a local server), e.g."
              + " https://app.supervisely.com");
    }
  }

  private static void requireUrl(String address) {
    try {
      URI uri = new URI(address);
      if (uri.getHost() == null) {
        throw new URISyntaxException(address, "no host");
      }
      if (uri.getPort() > 65535) {
        throw new URISyntaxException(address, "the port " + uri.getPort() + " is above 65535");
      }
    } catch (URISyntaxException e) {
      throw SuperviselyException.configuration(
          "The Supervisely server address \""
              + maskUserInfo(address)
              + "\" is not a valid URL ("
              + e.getReason()
              + ")",
          "Set " + SETTING + " to scheme and host, e.g. https://app.supervisely.com");
    }
  }
}
