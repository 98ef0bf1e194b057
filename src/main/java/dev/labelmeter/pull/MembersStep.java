package dev.labelmeter.pull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labelmeter.store.JsonLinesWriter;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetches {@code members.list} into a new members file; on failure the previous file stays. */
final class MembersStep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MembersStep.class);

  private final PullSource source;
  private final long teamId;
  private final Progress progress;
  private final JsonLinesWriter out;
  private volatile String failure;

  MembersStep(PullSource source, StoreLayout layout, long teamId, Progress progress)
      throws IOException {
    this.source = source;
    this.teamId = teamId;
    this.progress = progress;
    this.out = JsonLinesWriter.open(layout.members());
  }

  Callable<Void> task() {
    return () -> {
      try {
        source.members(
            teamId,
            (entities, total) -> {
              for (JsonNode member : entities) {
                out.write(member);
              }
            });
      } catch (SourceException e) {
        if (Tasks.cancelled()) {
          LOG.debug("members not fetched: the pull was cancelled", e);
          return null;
        }
        failure = "the members could not be fetched: " + e.getMessage();
        Tasks.logFailure(LOG, failure + "; keeping the previous list", e);
      } finally {
        progress.taskDone();
      }
      return null;
    };
  }

  /** Commits the new members file, unless the fetch failed. Returns the lines written, if any. */
  Optional<Long> commit() throws IOException {
    if (failure != null) {
      out.close();
      return Optional.empty();
    }
    long lines = out.lines();
    out.commit();
    return Optional.of(lines);
  }

  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
