package dev.labelmeter.supervisely;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;

/**
 * What an I/O failure of a call (no HTTP response) says about the server and its address, and
 * whether trying again could help.
 */
enum IoFailure {
  /** The host name does not resolve. */
  UNKNOWN_HOST,
  /** The connection was refused (or failed otherwise before it was made). */
  REFUSED,
  /** No connection within the connect timeout, or within a shorter request timeout. */
  CONNECT_TIMEOUT,
  /** https:// to a server that answered the TLS handshake in plain HTTP. */
  HTTPS_TO_PLAIN,
  /** http:// to a server that answered in TLS. */
  HTTP_TO_TLS,
  /** The server's certificate does not validate. */
  UNTRUSTED_CERTIFICATE,
  /** The server answered something that is not HTTP (another service on that port). */
  NOT_HTTP,
  /** Anything else: a reset or dropped connection, a request timeout. */
  OTHER;

  private static final RetryPolicy NO_RETRY = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

  /** Returns the kind of {@code e}, a failure of a call to an {@code https} server or not. */
  static IoFailure of(IOException e, boolean https) {
    if (causedBy(e, UnresolvedAddressException.class, UnknownHostException.class)) {
      return UNKNOWN_HOST;
    }
    if (e instanceof HttpConnectTimeoutException) {
      return CONNECT_TIMEOUT;
    }
    if (e instanceof ConnectException) {
      return REFUSED;
    }
    if (https && mentions(e, "plaintext connection", "unrecognized SSL message")) {
      return HTTPS_TO_PLAIN;
    }
    if (https && causedBy(e, CertificateException.class)) {
      return UNTRUSTED_CERTIFICATE;
    }
    if (!https && isTlsRecordAsStatusLine(e)) {
      return HTTP_TO_TLS;
    }
    if (!https && causedBy(e, ProtocolException.class)) {
      return NOT_HTTP;
    }
    return OTHER;
  }

  /**
   * Returns how this failure is retried. Until the server has answered once, its address is in
   * doubt: an unknown host, a connect timeout or a non-HTTP answer is not retried, and a refused
   * connection or any other failure (such as a TLS server closing a plain HTTP connection) only
   * per {@link RetryPolicy#firstContact()}; once it has answered, all of these follow {@code
   * normal}, so that a long pull survives a restart. An http/https mix-up or an untrusted
   * certificate is never retried.
   */
  RetryPolicy policy(boolean answered, RetryPolicy normal) {
    return switch (this) {
      case HTTPS_TO_PLAIN, HTTP_TO_TLS, UNTRUSTED_CERTIFICATE -> NO_RETRY;
      case UNKNOWN_HOST, CONNECT_TIMEOUT, NOT_HTTP -> answered ? normal : NO_RETRY;
      case REFUSED, OTHER -> answered ? normal : normal.firstContact();
    };
  }

  /**
   * Returns whether the status line the client read starts with a TLS record type byte (0x15
   * alert, 0x16 handshake): the JDK reports it as "parsing HTTP/1.1 status line, receiving [..".
   */
  private static boolean isTlsRecordAsStatusLine(IOException e) {
    String message = e.getMessage();
    String marker = "status line, receiving [";
    int at = message == null ? -1 : message.indexOf(marker);
    if (at < 0 || message.length() <= at + marker.length()) {
      return false;
    }
    char first = message.charAt(at + marker.length());
    return first == 0x15 || first == 0x16;
  }

  @SafeVarargs
  private static boolean causedBy(Throwable e, Class<? extends Throwable>... types) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mentions(Throwable e, String... phrases) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      for (String phrase : phrases) {
        if (message.contains(phrase.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }
}
