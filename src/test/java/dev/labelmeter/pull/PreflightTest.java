package dev.labelmeter.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labelmeter.store.StoreLayout;
import dev.labelmeter.supervisely.SuperviselyApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  void aDirectoryWhoseFileSystemTakesNoFilesIsNamedWithoutTheJavaFailure() {
    Path proc = Path.of("/proc");
    assumeTrue(Files.exists(proc.resolve("self/status")), "Linux /proc");

    PullException e =
        catchThrowableOfType(
            PullException.class,
            () -> Preflight.checkDataDir(StoreLayout.of(proc.resolve("labelmeter"), 7)));

    assertThat(e.reason()).isEqualTo(PullException.Reason.DATA_DIR_UNUSABLE);
    assertThat(e.getMessage())
        .startsWith(
            "cannot write the store at /proc/labelmeter/7: /proc cannot be written (its file"
                + " system takes no new files there); choose a writable data directory")
        .doesNotContain("Exception");
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
                + " (connection refused, 3 attempts): check the scheme, host and port of the"
                + " server address (--server or SERVER_ADDRESS), and that the server is up");
    assertThat(waits).hasSize(2);
    assertThat(dataDir.resolve("store")).doesNotExist();
  }

  @Test
  void httpsToAPlainHttpServerIsAConfigurationErrorNamingTheAddressToUse() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server =
          new Thread(() -> answer(plain, "HTTP/1.1 400 Bad Request\r\n\r\n"), "plain-http");
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

  @Test
  void aServerErrorOnTheFirstCallGivesTheAdviceOnce() throws Exception {
    try (ServerSocket failing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String notImplemented = "HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n";
      Thread server = new Thread(() -> answer(failing, notImplemented), "failing-http");
      server.setDaemon(true);
      server.start();
      String address = "http://127.0.0.1:" + failing.getLocalPort();

      PullException e =
          catchThrowableOfType(
              PullException.class, () -> Pull.create(client(address), options()).run());

      assertThat(e.reason()).isEqualTo(PullException.Reason.SERVER_FAILED);
      assertThat(e.getMessage())
          .startsWith(
              "the server "
                  + address
                  + " failed to describe team 7: Calling teams.info failed"
                  + " with HTTP 501")
          .endsWith("The server failed on this request: try again later or report it to the admin");
      assertThat(e.getMessage().split("try again later", -1)).hasSize(2);
    }
  }

  /** Answers every connection with {@code response}, then closes it. */
  private static void answer(ServerSocket socket, String response) {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connection.getInputStream().read(new byte[8192]);
        OutputStream out = connection.getOutputStream();
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // closed by the test
      }
    }
  }
}
