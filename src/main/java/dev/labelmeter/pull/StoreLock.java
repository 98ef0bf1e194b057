package dev.labelmeter.pull;

import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a team's store while a pull writes it. The operating system releases it
 * when the process ends, however it ends, so a killed pull never leaves the store locked.
 */
final class StoreLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or fails at once when another pull holds it. */
  static StoreLock acquire(StoreLayout layout) throws IOException, PullException {
    FileChannel channel =
        FileChannel.open(layout.pullLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = null;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } finally {
      if (lock == null) {
        channel.close();
      }
    }
    if (lock == null) {
      throw new PullException(
          PullException.Reason.STORE_BUSY,
          "another pull is writing "
              + layout.teamDir()
              + ": wait for it to finish (a scheduled run may still be going)");
    }
    return new StoreLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
