package dev.labelmeter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare {@code java.net.http} client for protocol tests: no retries, nothing hidden. */
final class RawClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  RawClient(SimulatorServer server) {
    this(server.baseUrl(), server.token());
  }

  RawClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The status, headers and parsed body of one response. */
  record Reply(int status, HttpResponse<String> raw, JsonNode body) {}

  Reply post(String method, String jsonBody) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/public/api/v3/" + method))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    if (token != null) {
      request.header("x-api-key", token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response, JSON.readTree(response.body()));
  }

  JsonNode ok(String method, String jsonBody) throws IOException, InterruptedException {
    Reply reply = post(method, jsonBody);
    if (reply.status() != 200) {
      throw new AssertionError(method + " returned " + reply.status() + ": " + reply.body());
    }
    return reply.body();
  }
}
