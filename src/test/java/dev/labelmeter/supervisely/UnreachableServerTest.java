package dev.labelmeter.supervisely;

import static dev.labelmeter.supervisely.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.RecordingServer.Reply;
import dev.labelmeter.supervisely.SuperviselyException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: a wrong server address fails within a few quick attempts with one clear message, while
 * a server that has answered before is given the full retry policy when it restarts.
 */
class UnreachableServerTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stopServers() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  /** Returns a client with the default retry policy (10 retries, 1 s base) and recorded waits. */
  private SuperviselyApi client(String address) {
    return SuperviselyApi.builder().server(address).token(TOKEN).sleeper(sleeper).build();
  }

  private static int portWithNothingListening() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private RecordingServer started(int port) throws IOException {
    RecordingServer server = new RecordingServer(port);
    servers.add(server);
    return server;
  }

  @Test
  void aPortWithNothingListeningFailsAfterThreeQuickAttempts() throws IOException {
    int port = portWithNothingListening();
    SuperviselyApi api = client("http://127.0.0.1:" + port);

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "Cannot connect to http://127.0.0.1:"
                + port
                + " (connection refused, 3 attempts). Check the scheme, host and port of the"
                + " server address (--server or SERVER_ADDRESS), and that the server is up");
    assertThat(e.reason()).contains("connection refused, 3 attempts");
    // Two retries instead of the policy's ten: [0.5, 1] s, then [1, 2] s (1 s base, jitter).
    assertThat(sleeper.sleeps()).hasSize(2);
    assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(sleeper.sleeps().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void theFirstContactPolicyIsShortButNeverLongerThanTheConfiguredOne() {
    assertThat(RetryPolicy.DEFAULT.firstContact())
        .isEqualTo(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    RetryPolicy fast = new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(40));
    assertThat(fast.firstContact()).isEqualTo(fast);
    RetryPolicy slowStart = new RetryPolicy(10, Duration.ofSeconds(5), Duration.ofSeconds(60));
    assertThat(slowStart.firstContact())
        .isEqualTo(new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  @Test
  void theMessageOfAnUnreachableServerSaysEachThingOnceAndNeverShowsTheToken() throws IOException {
    int port = portWithNothingListening();
    SuperviselyApi api = client("127.0.0.1:" + port);

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.labelingJobs().getList(4));

    String message = e.getMessage();
    assertThat(message).doesNotContain(TOKEN).doesNotContain("caused by");
    assertThat(occurrences(message, "127.0.0.1:" + port)).isEqualTo(1);
    assertThat(occurrences(message, "connection refused")).isEqualTo(1);
    assertThat(occurrences(message, "SERVER_ADDRESS")).isEqualTo(1);
    assertThat(message.lines().count()).isEqualTo(1);
  }

  @Test
  void noRetriesConfiguredMeansOneAttempt() throws IOException {
    int port = portWithNothingListening();
    SuperviselyApi api =
        SuperviselyApi.builder()
            .server("http://127.0.0.1:" + port)
            .token(TOKEN)
            .maxRetries(0)
            .sleeper(sleeper)
            .build();

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.reason()).contains("connection refused");
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void anUnknownHostIsNotRetried() {
    SuperviselyApi api = client("http://nohost.invalid:8080");

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.reason()).contains("unknown host nohost.invalid");
    assertThat(e.hint()).contains("host name in the server address (--server or SERVER_ADDRESS)");
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aServerThatRefusesAfterHavingAnsweredIsRetriedWithTheNormalPolicy() throws IOException {
    RecordingServer first = started(0);
    int port = first.port();
    // "Connection: close" keeps no connection pooled: the next call has to connect anew.
    first.enqueue("teams.info", Reply.json("{\"id\": 4}").withHeader("Connection", "close"));
    List<Duration> waits = new ArrayList<>();
    List<RecordingServer> restarted = new ArrayList<>();
    Sleeper restartOnThirdWait =
        wait -> {
          waits.add(wait);
          if (waits.size() == 3) {
            restarted.add(restart(port));
          }
        };
    SuperviselyApi api =
        SuperviselyApi.builder()
            .server(first.address())
            .token(TOKEN)
            .sleeper(restartOnThirdWait)
            .build();
    api.post("teams.info", ClientJson.object().put("id", 4));
    first.close();

    JsonNode answer = api.post("teams.info", ClientJson.object().put("id", 4));

    assertThat(answer.get("id").asLong()).isEqualTo(4);
    assertThat(restarted.get(0).requests("teams.info")).hasSize(1);
    // Three refused attempts, more than a first contact gets; waits of 1 s * 2^n * [0.5, 1].
    assertThat(waits).hasSize(3);
    assertThat(waits.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  private RecordingServer restart(int port) {
    try {
      RecordingServer server = started(port);
      server.enqueue("teams.info", Reply.json("{\"id\": 4}"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void httpsToAPlainHttpServerSaysToUseHttpAndIsNotRetried() throws IOException {
    // The JDK's server, like many, waits for a request line: the TLS handshake times out.
    RecordingServer plain = started(0);
    SuperviselyApi api =
        SuperviselyApi.builder()
            .server("https://127.0.0.1:" + plain.port())
            .token(TOKEN)
            .connectTimeout(Duration.ofSeconds(1))
            .sleeper(sleeper)
            .build();

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .startsWith("The server at https://127.0.0.1:" + plain.port() + " does not speak HTTPS")
        .contains("plain HTTP", "Did you mean http://127.0.0.1:" + plain.port() + "?");
    assertThat(sleeper.sleeps()).isEmpty();
    // The probe that told it: one HEAD request, without the token.
    assertThat(plain.requests())
        .singleElement()
        .satisfies(
            probe -> {
              assertThat(probe.verb()).isEqualTo("HEAD");
              assertThat(probe.header("x-api-key")).isNull();
            });
  }

  @Test
  void httpsToAServerThatAnswersTheHandshakeInPlainHttpSaysToUseHttp() throws IOException {
    FixedAnswerServer plain =
        new FixedAnswerServer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
    servers.add(plain);
    SuperviselyApi api = client("https://127.0.0.1:" + plain.port());

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .isEqualTo(
            "The server at https://127.0.0.1:%d does not speak HTTPS (it answered without TLS)."
                + " Did you mean http://127.0.0.1:%d? Set the server address (--server or"
                + " SERVER_ADDRESS) to it",
            plain.port(), plain.port());
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void httpToAServerThatAnswersInTlsSaysToUseHttpsAndIsNotRetried() throws IOException {
    FixedAnswerServer tls = new FixedAnswerServer(FixedAnswerServer.TLS_ALERT);
    servers.add(tls);
    SuperviselyApi api = client("http://127.0.0.1:" + tls.port());

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .startsWith("The server at http://127.0.0.1:" + tls.port() + " speaks HTTPS")
        .contains("Did you mean https://127.0.0.1:" + tls.port() + "?");
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void nginxSayingPlainHttpWasSentToItsHttpsPortSaysToUseHttps() throws IOException {
    RecordingServer nginx = started(0);
    nginx.enqueue(
        "teams.info",
        Reply.text(
            400,
            "text/html",
            "<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title>"
                + "</head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n</body>"));
    SuperviselyApi api = client(nginx.address());

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage())
        .contains("speaks HTTPS, not plain HTTP")
        .contains("Did you mean https://127.0.0.1:" + nginx.port() + "?")
        .doesNotContain("<html>");
    assertThat(nginx.requests("teams.info")).hasSize(1);
  }

  @Test
  void aServiceThatIsNotHttpIsNotRetried() throws IOException {
    FixedAnswerServer ssh = new FixedAnswerServer("SSH-2.0-OpenSSH_9.2\r\n".getBytes());
    servers.add(ssh);
    SuperviselyApi api = client("http://127.0.0.1:" + ssh.port());

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(e.getMessage()).contains("does not answer in HTTP", "SSH-2.0-OpenSSH_9.2");
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void httpToAServerThatClosesEveryConnectionUnansweredFailsQuicklyAndSuggestsHttps()
      throws IOException {
    // A TLS server given a plain HTTP request often just closes the connection: no bytes at all.
    FixedAnswerServer tls = new FixedAnswerServer(new byte[0]);
    servers.add(tls);
    SuperviselyApi api = client("http://127.0.0.1:" + tls.port());

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage())
        .startsWith("No HTTP answer from http://127.0.0.1:" + tls.port() + " (")
        .contains(
            "3 attempts)",
            "Did you mean https://127.0.0.1:" + tls.port() + "? The server may speak HTTPS");
    assertThat(tls.connections()).isEqualTo(3);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void httpsToAServerThatClosesEveryConnectionUnansweredDoesNotSuggestHttp() throws IOException {
    FixedAnswerServer closing = new FixedAnswerServer(new byte[0]);
    servers.add(closing);
    SuperviselyApi api = client("https://127.0.0.1:" + closing.port());

    SuperviselyException e =
        catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage())
        .startsWith("No HTTP answer from https://127.0.0.1:" + closing.port())
        .contains("3 attempts", "Check the host and port of the server address")
        .doesNotContain("Did you mean");
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void aServerThatAnsweredOnceAndThenClosesConnectionsGetsTheFullRetries() throws IOException {
    byte[] answer =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 8\r\n"
                + "Connection: close\r\n\r\n{\"id\":4}")
            .getBytes();
    FixedAnswerServer flaky = new FixedAnswerServer(answer, new byte[0]);
    servers.add(flaky);
    SuperviselyApi api = client("http://127.0.0.1:" + flaky.port());
    api.post("teams.info", ClientJson.object().put("id", 4));

    SuperviselyException e =
        catchThrowableOfType(
            SuperviselyException.class,
            () -> api.post("teams.info", ClientJson.object().put("id", 4)));

    assertThat(e.kind()).isEqualTo(Kind.RETRIES_EXHAUSTED);
    assertThat(e.getMessage()).contains("failed 11 times in a row").doesNotContain("Did you mean");
    assertThat(sleeper.sleeps()).hasSize(10);
  }

  @Test
  void aRequestTimeoutShorterThanTheConnectTimeoutIsNamedAsTheOneThatApplied() throws IOException {
    try (UnacceptingServer full = new UnacceptingServer()) {
      SuperviselyApi api =
          SuperviselyApi.builder()
              .server("http://127.0.0.1:" + full.port())
              .token(TOKEN)
              .connectTimeout(Duration.ofSeconds(10))
              .requestTimeout(Duration.ofMillis(300))
              .sleeper(sleeper)
              .build();

      SuperviselyException e =
          catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

      assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
      assertThat(e.reason()).hasValue("no connection within the request timeout of 300 ms");
      assertThat(e.hint()).startsWith("Raise the request timeout (LABELMETER_REQUEST_TIMEOUT");
      assertThat(e.getMessage()).doesNotContain("10 s");
    }
  }

  @Test
  void aConnectTimeoutShorterThanTheRequestTimeoutIsNamedAsTheOneThatApplied() throws IOException {
    try (UnacceptingServer full = new UnacceptingServer()) {
      SuperviselyApi api =
          SuperviselyApi.builder()
              .server("http://127.0.0.1:" + full.port())
              .token(TOKEN)
              .connectTimeout(Duration.ofMillis(300))
              .sleeper(sleeper)
              .build();

      SuperviselyException e =
          catchThrowableOfType(SuperviselyException.class, () -> api.teams().getInfoById(4));

      assertThat(e.reason()).hasValue("no connection within 300 ms");
      assertThat(e.hint())
          .startsWith("Check the scheme, host and port of the server address")
          .doesNotContain("request timeout");
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  /**
   * A loopback server that answers each connection with fixed bytes, then closes it: the first
   * connections with the first answers, every later one with the last answer.
   */
  private static final class FixedAnswerServer implements AutoCloseable {
    /** A TLS alert record (protocol version), as a TLS server may answer a plain HTTP request. */
    static final byte[] TLS_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46};

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();

    FixedAnswerServer(byte[]... answers) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> serve(answers), "fixed-answer-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    /** Returns how many connections were accepted so far. */
    int connections() {
      return connections.get();
    }

    private void serve(byte[][] answers) {
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          int index = Math.min(connections.getAndIncrement(), answers.length - 1);
          InputStream in = connection.getInputStream();
          in.read(new byte[8192]);
          OutputStream out = connection.getOutputStream();
          out.write(answers[index]);
          out.flush();
        } catch (IOException e) {
          // closed by the test, or the client went away: serve the next one or stop
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /**
   * A loopback port whose accept queue is full: the kernel drops further connection attempts, so
   * a client's connect hangs until one of its timeouts ends it.
   */
  private static final class UnacceptingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> queued = new ArrayList<>();

    UnacceptingServer() throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      for (int i = 0; i < 3; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(socket.getLocalSocketAddress(), 200);
          queued.add(filler);
        } catch (IOException e) {
          filler.close();
          break;
        }
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      for (Socket filler : queued) {
        filler.close();
      }
      socket.close();
    }
  }
}
