package dev.labelmeter.cli.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.cli.BaseCommand;
import dev.labelmeter.cli.ServerConnection;
import dev.labelmeter.cli.ServerOptions;
import dev.labelmeter.cli.UsageException;
import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import dev.labelmeter.cli.config.Settings;
import dev.labelmeter.store.StoreJson;
import dev.labelmeter.supervisely.SuperviselyException;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;

/**
 * What every jobs command shares: the server option, the client, JSON output, and an unknown job
 * id reported as a mistaken argument (exit code 2) with the way to find the right one.
 */
abstract class JobsSubcommand extends BaseCommand {
  @Mixin ServerOptions server;

  @Override
  protected Map<Setting, FlagValue> flags() {
    Map<Setting, FlagValue> flags = super.flags();
    server.addTo(flags);
    return flags;
  }

  /** Returns the settings and a client for their server. */
  Connected connect() {
    Settings settings = loadSettings();
    return new Connected(settings, ServerConnection.open(settings, context().env()));
  }

  void printJson(JsonNode json) throws IOException {
    out().println(StoreJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    out().flush();
  }

  /**
   * Returns what {@code call} returns; the server's "not found" about job {@code id} becomes a
   * usage error.
   */
  static <T> T aboutJob(Connected connected, long id, Supplier<T> call) {
    try {
      return call.get();
    } catch (SuperviselyException e) {
      if (e.kind() == SuperviselyException.Kind.NOT_FOUND) {
        throw noSuchJob(connected.settings(), id, e);
      }
      throw e;
    }
  }

  /** Runs {@code call} like {@link #aboutJob(Connected, long, Supplier)}. */
  static void aboutJob(Connected connected, long id, Runnable call) {
    aboutJob(
        connected,
        id,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Returns {@code teamId} after checking with {@code teams.info} that the server knows the team,
   * as {@code pull} does; an unknown team is a usage error, not a failing call later on.
   */
  static long knownTeam(Connected connected, long teamId) {
    if (connected.api().teams().getInfoById(teamId).isEmpty()) {
      throw new UsageException(
          "team "
              + teamId
              + " does not exist on "
              + connected.api().serverAddress()
              + " or the token cannot see it: check the team id (it is in the team's URL)");
    }
    return teamId;
  }

  /** Returns the usage error of a job id the server does not know. */
  static UsageException noSuchJob(Settings settings, long id) {
    return noSuchJob(settings, id, null);
  }

  private static UsageException noSuchJob(Settings settings, long id, Throwable cause) {
    String team = settings.team().map(Object::toString).orElse("ID");
    return new UsageException(
        "labeling job "
            + id
            + " does not exist on the server (or this token cannot see it); find the job's id"
            + " with 'labelmeter jobs list --team "
            + team
            + " --show-disabled'",
        cause);
  }
}
