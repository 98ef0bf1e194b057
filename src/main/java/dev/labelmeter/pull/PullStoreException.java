package dev.labelmeter.pull;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A pull that failed on its store after it started: a file could not be written (such as a full
 * disk) or read (such as a damaged partition). The cause is the I/O failure. The manifest of the
 * last complete pull is kept, and every file is complete; the next pull completes the store.
 */
public final class PullStoreException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long teamId;
  private final String teamDir;
  private final boolean hadManifest;

  /**
   * Returns the failure of the pull of {@code teamId} into {@code teamDir}; {@code hadManifest}:
   * the store had a manifest before, which is kept.
   */
  public PullStoreException(long teamId, Path teamDir, boolean hadManifest, IOException cause) {
    super(
        "the pull of team "
            + teamId
            + " stopped on its store in "
            + teamDir.toAbsolutePath().normalize()
            + ": "
            + cause.getMessage(),
        cause);
    this.teamId = teamId;
    this.teamDir = teamDir.toAbsolutePath().normalize().toString();
    this.hadManifest = hadManifest;
  }

  public long teamId() {
    return teamId;
  }

  /** Returns the team's store directory, absolute. */
  public Path teamDir() {
    return Path.of(teamDir);
  }

  /** Returns whether the store had a manifest before this pull: the previous store is kept. */
  public boolean hadManifest() {
    return hadManifest;
  }
}
