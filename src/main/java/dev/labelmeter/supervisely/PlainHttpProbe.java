package dev.labelmeter.supervisely;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Tells whether an {@code https://} address that timed out in the TLS handshake is in fact a plain
 * HTTP server: such a server waits for a request line and never answers the handshake. Sends
 * {@code HEAD /} without any header but {@code Host} (never the token) and looks for {@code HTTP/}.
 */
final class PlainHttpProbe {
  private PlainHttpProbe() {}

  /** Returns whether the host and port of {@code address} answer plain HTTP within {@code wait}. */
  static boolean answersPlainHttp(String address, Duration wait) {
    URI uri = URI.create(address);
    int port = uri.getPort() < 0 ? 443 : uri.getPort();
    int waitMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis()));
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), waitMs);
      socket.setSoTimeout(waitMs);
      String request =
          "HEAD / HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(readUpTo(socket.getInputStream(), 5), StandardCharsets.US_ASCII)
          .equals("HTTP/");
    } catch (IOException | RuntimeException e) {
      // No answer, or not HTTP: the probe says nothing, and the original failure stands.
      return false;
    }
  }

  private static byte[] readUpTo(InputStream in, int length) throws IOException {
    byte[] bytes = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(bytes, read, length - read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    return read == length ? bytes : new byte[0];
  }
}
