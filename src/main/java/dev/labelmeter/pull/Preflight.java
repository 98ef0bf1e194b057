package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.StoreLayout;
import dev.labelmeter.supervisely.SuperviselyException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before anything is written, that the data directory can be written and that the
 * server knows the team and accepts the token. Each failure is a {@link PullException} whose
 * one-line message says what to fix.
 */
final class Preflight {
  private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

  /** The most teams an unknown-team message lists. */
  private static final int MAX_TEAMS_SHOWN = 5;

  private Preflight() {}

  /** Checks that the team's store directory exists or can be created, and can be written. */
  static void checkDataDir(StoreLayout layout) throws PullException {
    Path teamDir = layout.teamDir().toAbsolutePath();
    Path existing = teamDir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw unusable(teamDir, "no part of the path exists");
    }
    if (!Files.isDirectory(existing)) {
      throw unusable(teamDir, existing + " is a file, not a directory");
    }
    probeWrite(teamDir, existing);
  }

  private static void probeWrite(Path teamDir, Path existing) throws PullException {
    try {
      Path probe = Files.createTempFile(existing, ".labelmeter-write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw unusable(teamDir, existing + " cannot be written (" + why(e) + ")");
    }
  }

  /** Returns why a new file could not be made, in the system's words where it has them. */
  private static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      String reason = fs.getReason();
      return reason.isEmpty()
          ? reason
          : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
    if (e instanceof NoSuchFileException) {
      // Such as /proc, which exists but takes no new files.
      return "its file system takes no new files there";
    }
    return String.valueOf(e.getMessage());
  }

  private static PullException unusable(Path teamDir, String why) {
    return new PullException(
        PullException.Reason.DATA_DIR_UNUSABLE,
        "cannot write the store at "
            + teamDir
            + ": "
            + why
            + "; choose a writable data directory (--data-dir, LABELMETER_DATA_DIR or 'data-dir:'"
            + " in the configuration file) or fix its permissions");
  }

  /** Returns the short cause of an unreachable server, e.g. "connection refused, 3 attempts". */
  private static String reason(SourceException e) {
    if (e.getCause() instanceof SuperviselyException client && client.reason().isPresent()) {
      return client.reason().get();
    }
    return e.getMessage();
  }

  /** Returns what to check about an unreachable server, starting in lower case. */
  private static String advice(SourceException e) {
    if (e.getCause() instanceof SuperviselyException client && client.hint() != null) {
      String hint = client.hint();
      return Character.toLowerCase(hint.charAt(0)) + hint.substring(1);
    }
    return "check the scheme, host and port of the server address (--server or SERVER_ADDRESS),"
        + " that the server is up, and the network";
  }

  /**
   * Checks with {@code teams.info} that the server is reachable, the token valid, the team known.
   */
  static void checkTeam(PullSource source, long teamId) throws PullException {
    try {
      source.teamInfo(teamId);
    } catch (SourceException e) {
      throw forTeamCheck(source, teamId, e);
    }
  }

  /**
   * Returns the failure of a team the server says it does not know, after asking for the token's
   * teams: if that is a 404 too, the address does not lead to the API (a wrong path); else the
   * message lists the teams the token can see.
   */
  private static PullException unknownTeam(PullSource source, long teamId, SourceException e) {
    String server = source.serverAddress();
    List<JsonNode> teams;
    try {
      teams = source.listTeams();
    } catch (SourceException listFailure) {
      if (listFailure.kind() == SourceException.Kind.NOT_FOUND) {
        return new PullException(
            PullException.Reason.BAD_OPTION,
            "the server at "
                + server
                + " answers 404 Not Found to teams.list as well as to teams.info: the address does"
                + " not lead to Supervisely's API; set the server address (--server or"
                + " SERVER_ADDRESS) to the instance's root, such as https://app.supervisely.com",
            e);
      }
      LOG.debug("the token's teams could not be listed", listFailure);
      teams = List.of();
    }
    String known =
        teams.isEmpty()
            ? "check the team id (it is in the team's URL)"
            : "the token's teams are "
                + teams.stream()
                    .limit(MAX_TEAMS_SHOWN)
                    .map(t -> t.path("id").asText() + " (" + t.path("name").asText() + ")")
                    .collect(Collectors.joining(", "))
                + (teams.size() > MAX_TEAMS_SHOWN ? ", ..." : "");
    return new PullException(
        PullException.Reason.UNKNOWN_TEAM,
        "team " + teamId + " does not exist on " + server + " or the token cannot see it: " + known,
        e);
  }

  private static PullException forTeamCheck(PullSource source, long teamId, SourceException e) {
    String server = source.serverAddress();
    if (e.getCause() instanceof SuperviselyException client
        && client.kind() == SuperviselyException.Kind.CONFIGURATION) {
      // The address is wrong (http/https mixed up, not the API, ...): the client's message says
      // what to set, and it is a configuration error, not a failure of the server.
      return new PullException(PullException.Reason.BAD_OPTION, client.getMessage(), e);
    }
    return switch (e.kind()) {
      case NOT_FOUND -> unknownTeam(source, teamId, e);
      case REFUSED ->
          new PullException(
              PullException.Reason.TOKEN_REFUSED,
              "the server "
                  + server
                  + " refused the API token"
                  + e.status().map(s -> " (HTTP " + s + ")").orElse("")
                  + ": check API_TOKEN and that its user is a member of team "
                  + teamId,
              e);
      case UNREACHABLE ->
          new PullException(
              PullException.Reason.SERVER_UNREACHABLE,
              "cannot reach the server at " + server + " (" + reason(e) + "): " + advice(e),
              e);
      case FAILED ->
          new PullException(
              PullException.Reason.SERVER_FAILED,
              "the server "
                  + server
                  + " failed to describe team "
                  + teamId
                  + (e.getCause() instanceof SuperviselyException
                      ? ": " + e.getMessage()
                      : " (" + e.getMessage() + "): try again later or check the server's status"),
              e);
    };
  }
}
