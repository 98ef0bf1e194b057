package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #4: a pull against a wrong server address fails at once, in one line, writing nothing. */
class PreflightTest {
  private static final String TOKEN = "preflight-SECRET-token-0123456789";

  @TempDir Path dataDir;

  private final List<Duration> waits = new ArrayList<>();

  private SuperviselyApi client(String address) {
    return SuperviselyApi.builder().server(address).token(TOKEN).sleeper(waits::add).build();
  }

  private PullOptions options() {
    return PullOptions.builder(7, dataDir.resolve("store"))
        .progress(PullOptions.ProgressMode.NONE)
        .build();
  }

  @Test
  void aPortWithNothingListeningSaysOnceWhatToCheckAndWritesNothing() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    PullException e =
        catchThrowableOfType(
            PullException.class,
            () -> Pull.create(client("http://127.0.0.1:" + port), options()).run());

    assertThat(e.reason()).isEqualTo(PullException.Reason.SERVER_UNREACHABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot reach the server at http://127.0.0.1:"
                + port
                + " (connection refused, 3 attempts): check SERVER_ADDRESS (scheme, host and"
                + " port) and that the server is up");
    assertThat(waits).hasSize(2);
    assertThat(dataDir.resolve("store")).doesNotExist();
  }

  @Test
  void httpsToAPlainHttpServerIsAConfigurationErrorNamingTheAddressToUse() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> answerBadRequest(plain), "plain-http");
      server.setDaemon(true);
      server.start();
      int port = plain.getLocalPort();

      PullException e =
          catchThrowableOfType(
              PullException.class,
              () -> Pull.create(client("https://127.0.0.1:" + port), options()).run());

      assertThat(e.reason()).isEqualTo(PullException.Reason.BAD_OPTION);
      assertThat(e.getMessage())
          .startsWith("The server at https://127.0.0.1:" + port + " does not speak HTTPS")
          .contains("Did you mean http://127.0.0.1:" + port + "?")
          .doesNotContain(TOKEN);
      assertThat(waits).isEmpty();
      assertThat(dataDir.resolve("store")).doesNotExist();
    }
  }

  /** Answers every connection as a plain HTTP server answers a TLS handshake: HTTP 400. */
  private static void answerBadRequest(ServerSocket socket) {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connection.getInputStream().read(new byte[8192]);
        OutputStream out = connection.getOutputStream();
        out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // closed by the test
      }
    }
  }
}
