package dev.labelmeter.cli;

import dev.labelmeter.simulator.SimulatorCommandSupport;
import dev.labelmeter.simulator.SimulatorServer;
import dev.labelmeter.simulator.TeamSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code labelmeter simulator}: a stand-in Supervisely server with a synthetic team. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Serves a synthetic labeling team over Supervisely's API on 127.0.0.1 until stopped"
          + " (Ctrl-C), and prints the address, team id and token to use with it.",
      ""
    },
    subcommands = {SimulatorCommand.Generate.class})
final class SimulatorCommand extends BaseCommand {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Listens on this port; 0 picks a free one. Default: 8000.")
  private int port = 8000;

  @Option(
      names = "--team-size",
      paramLabel = "SIZE",
      description = "Simulates a small, medium, large or xl team. Default: medium.")
  private String size = "medium";

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Generates the team from this seed. Default: 7.")
  private long seed = 7;

  @Override
  public Integer call() throws IOException, InterruptedException {
    TeamSize teamSize = teamSize(spec, size);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    SimulatorServer server = SimulatorCommandSupport.serve(port, teamSize, seed, printStream(text));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    out().print(text.toString(StandardCharsets.UTF_8));
    out().println("Stop it with Ctrl-C.");
    out().flush();
    stopped.await();
    return ExitCodes.OK;
  }

  static TeamSize teamSize(picocli.CommandLine.Model.CommandSpec spec, String text) {
    try {
      return TeamSize.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "'" + text + "' is not a team size; use small, medium, large or xl");
    }
  }

  static PrintStream printStream(ByteArrayOutputStream text) {
    return new PrintStream(text, true, StandardCharsets.UTF_8);
  }

  /** {@code labelmeter simulator generate}: a synthetic team written straight to a store. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      usageHelpAutoWidth = true,
      description = {
        "Writes a synthetic team straight into a data store, without HTTP, for benchmarks and"
            + " experiments: the same files a pull writes.",
        ""
      })
  static final class Generate extends BaseCommand {
    @Option(
        names = "--size",
        paramLabel = "SIZE",
        description =
            "Generates a small, medium, large (about 1 million events) or xl (about 10"
                + " million events) team. Default: medium.")
    private String size = "medium";

    @Option(
        names = "--seed",
        paramLabel = "N",
        description = "Generates the team from this seed. Default: 7.")
    private long seed = 7;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Writes the store into DIR/<team>/. Required; there is no default.")
    private Path out;

    @Override
    public Integer call() throws IOException {
      TeamSize teamSize = teamSize(spec, size);
      Path dir = context().workingDir().resolve(out);
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      SimulatorCommandSupport.generate(teamSize, seed, dir, printStream(text));
      out().print(text.toString(StandardCharsets.UTF_8));
      out().flush();
      return ExitCodes.OK;
    }
  }
}
