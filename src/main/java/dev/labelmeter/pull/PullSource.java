package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.supervisely.JsonBytes;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server calls a pull makes, as raw JSON objects exactly as received: trees where the pull
 * reads them, the bytes as sent ({@link JsonBytes}) where it only stores them. {@link
 * SuperviselySource} implements them with the Supervisely client; every method may be called from
 * several threads at once. Every failure that remains after the client's retries is a {@link
 * SourceException}.
 */
public interface PullSource {

  /**
   * Receives one page of entities with the server's {@code total} for the whole query, or -1 when
   * the server sent none.
   */
  @FunctionalInterface
  interface PageHandler<T> {
    void accept(List<T> entities, long total) throws IOException;
  }

  /** Returns the server address the data comes from, never with a token. */
  String serverAddress();

  /** Returns the team's {@code teams.info} object; a missing team is a NOT_FOUND failure. */
  JsonNode teamInfo(long teamId);

  /**
   * Returns the teams the token's user belongs to ({@code teams.list}, its first page: the
   * entities as received), for a message about a team the server does not know.
   */
  List<JsonNode> listTeams();

  /** Returns every job of the team from {@code jobs.list}, disabled ones included. */
  List<JsonNode> listJobs(long teamId);

  /** Returns the job's {@code jobs.info} object, or empty when the job no longer exists. */
  Optional<JsonBytes> jobInfo(long jobId);

  /** Returns the job's {@code jobs.stats} object, or empty when the job no longer exists. */
  Optional<JsonBytes> jobStats(long jobId);

  /** Streams the team's {@code members.list} entities, page by page. */
  void members(long teamId, PageHandler<JsonNode> handler) throws IOException;

  /**
   * Streams the team's {@code teams.activity} events with {@code from <= date <= to}, page by page,
   * never holding more than a page.
   */
  void activity(long teamId, Instant from, Instant to, PageHandler<JsonBytes> handler)
      throws IOException;

  /**
   * Returns how many {@code teams.activity} events have {@code from <= date <= to}, as the server
   * counts them; empty when it does not say.
   */
  OptionalLong activityCount(long teamId, Instant from, Instant to);
}
