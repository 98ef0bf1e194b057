package dev.labelmeter.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {
  @RegisterExtension
  static final SimulatorExtension SIM =
      SimulatorExtension.builder().teamSize(TeamSize.SMALL).seed(7).build();

  private static String activityBody(int page, int perPage) {
    return "{\"teamId\":"
        + SIM.server().teamId()
        + ",\"page\":"
        + page
        + ",\"per_page\":"
        + perPage
        + "}";
  }

  @Test
  void tooManyRequestsComeWithAnIntegerRetryAfter(SimulatorServer server) throws Exception {
    server.setFaults(FaultConfig.builder().errors(1.0, 429).retryAfterSeconds(3).build());

    RawClient.Reply reply = new RawClient(server).post("jobs.info", "{\"id\":1}");

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.raw().headers().firstValue("Retry-After")).hasValue("3");
    assertThat(reply.body().get("error").asText()).isEqualTo("FAIL");
  }

  @Test
  void serverErrorsAreInjectedWithAnErrorBody(SimulatorServer server) throws Exception {
    for (int status : List.of(500, 502, 503)) {
      server.setFaults(FaultConfig.builder().errors(1.0, status).build());

      RawClient.Reply reply = new RawClient(server).post("jobs.list", "{}");

      assertThat(reply.status()).isEqualTo(status);
      assertThat(reply.body().at("/details/message").asText()).contains(String.valueOf(status));
    }
  }

  @Test
  void aShareOfRequestsFails(SimulatorServer server) throws Exception {
    server.setFaults(FaultConfig.builder().errors(0.3, 503).seed(11).build());
    int failed = 0;

    for (int i = 0; i < 100; i++) {
      if (new RawClient(server).post("jobs.info", "{\"id\":1}").status() == 503) {
        failed++;
      }
    }

    assertThat(failed).isBetween(15, 45);
  }

  @Test
  void droppedConnectionsCloseTheSocketWithoutAResponse(SimulatorServer server) {
    server.setFaults(FaultConfig.builder().drops(1.0).build());

    assertThatThrownBy(() -> new RawClient(server).post("jobs.info", "{\"id\":1}"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void faultsCanBeLimitedToSomeMethods(SimulatorServer server) throws Exception {
    server.setFaults(FaultConfig.builder().errors(1.0, 502).onlyMethods("jobs.stats").build());
    RawClient client = new RawClient(server);

    assertThat(client.post("jobs.stats", "{\"id\":1}").status()).isEqualTo(502);
    assertThat(client.post("jobs.info", "{\"id\":1}").status()).isEqualTo(200);
  }

  @Test
  void latencyDelaysEveryResponseByAtLeastTheConfiguredTime(SimulatorServer server)
      throws Exception {
    server.setFaults(FaultConfig.builder().latency(Duration.ofMillis(150)).build());

    long started = System.nanoTime();
    new RawClient(server).ok("instance.version", "{}");

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void eventsAppendedWhilePagingChangeTheTotalButNotThePagesAlreadyServed(SimulatorServer server)
      throws Exception {
    int before = server.eventCount();
    server.setFaults(FaultConfig.builder().appendDuringPaging(5).build());
    RawClient client = new RawClient(server);

    JsonNode first = client.ok("teams.activity", activityBody(1, 100));
    JsonNode second = client.ok("teams.activity", activityBody(2, 100));

    assertThat(first.get("total").asInt()).isEqualTo(before);
    assertThat(second.get("total").asInt()).isEqualTo(before + 5);
    assertThat(server.eventCount()).isEqualTo(before + 10);
    assertThat(server.events().get(server.eventCount() - 1).get("action").asText())
        .isEqualTo("update_figure");
  }

  @Test
  void backdatedEventsAppendedWhilePagingShiftPagesAndCauseDuplicates(SimulatorServer server)
      throws Exception {
    server.setFaults(
        FaultConfig.builder().appendDuringPaging(3).appendedEventAge(Duration.ofDays(400)).build());
    RawClient client = new RawClient(server);
    List<String> received = new ArrayList<>();

    for (int page = 1; page <= 3; page++) {
      client
          .ok("teams.activity", activityBody(page, 50))
          .get("entities")
          .forEach(e -> received.add(e.toString()));
    }

    Set<String> distinct = new HashSet<>(received);
    assertThat(received.size() - distinct.size()).isGreaterThan(0);
  }

  @Test
  void requestsAreCountedPerMethodIncludingFailedOnes(SimulatorServer server) throws Exception {
    long before = server.requestCount("jobs.info");
    server.setFaults(FaultConfig.builder().errors(1.0, 500).build());

    new RawClient(server).post("jobs.info", "{\"id\":1}");

    assertThat(server.requestCount("jobs.info")).isEqualTo(before + 1);
  }

  @Test
  void badFaultSettingsAreRefusedWithTheValueAndTheRule() {
    assertThatThrownBy(() -> FaultConfig.builder().errors(1.5, 503))
        .hasMessage("error share must be between 0 and 1, got 1.5");
    assertThatThrownBy(() -> FaultConfig.builder().errors(0.1, 404))
        .hasMessageContaining("error status 404 is not injectable");
  }
}
