package dev.labelmeter.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link SimulatorServer} around tests. Registered on a static field it serves the whole
 * class; on an instance field, a fresh server per test. Test methods may take the server as a
 * parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatorExtension SIM =
 *     SimulatorExtension.builder().teamSize(TeamSize.SMALL).seed(7).build();
 *
 * @Test
 * void pulls(SimulatorServer server) { ... server.baseUrl() ... }
 * }</pre>
 */
public final class SimulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final SimulatorServer.Builder builder;
  private final FaultConfig initialFaults;
  private SimulatorServer server;
  private boolean perClass;

  private SimulatorExtension(SimulatorServer.Builder builder, FaultConfig initialFaults) {
    this.builder = builder;
    this.initialFaults = initialFaults;
  }

  /** Returns a builder whose team is small, seed 7, history up to a fixed instant. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the running server. */
  public SimulatorServer server() {
    if (server == null) {
      throw new IllegalStateException("the simulator runs only while a test runs");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    server = startServer();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      server = startServer();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    } else {
      server.setFaults(initialFaults);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SimulatorServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server();
  }

  private SimulatorServer startServer() {
    try {
      return builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the simulator", e);
    }
  }

  private void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Configures the extension's server; see {@link SimulatorServer.Builder}. */
  public static final class Builder {
    /** The default end of the history: fixed, so tests see the same team every run. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-03-18T09:30:00Z");

    private final SimulatorServer.Builder server = SimulatorServer.builder().now(DEFAULT_NOW);
    private FaultConfig faults = FaultConfig.none();

    private Builder() {}

    public Builder teamSize(TeamSize size) {
      server.teamSize(size);
      return this;
    }

    public Builder seed(long seed) {
      server.seed(seed);
      return this;
    }

    public Builder now(Instant now) {
      server.now(now);
      return this;
    }

    public Builder token(String token) {
      server.token(token);
      return this;
    }

    /** Sets the faults the server starts with (and returns to after each test of a class). */
    public Builder faults(FaultConfig faults) {
      this.faults = faults;
      server.faults(faults);
      return this;
    }

    /** Adjusts anything else of the server's builder. */
    public Builder configure(Consumer<SimulatorServer.Builder> change) {
      change.accept(server);
      return this;
    }

    public SimulatorExtension build() {
      return new SimulatorExtension(server, faults);
    }
  }
}
