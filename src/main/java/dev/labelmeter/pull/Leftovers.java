package dev.labelmeter.pull;

import dev.labelmeter.store.StoreLayout;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removes what a pull killed half-way leaves behind: its staging directory and the temporary files
 * of atomic writes. None of them is ever read; removing them only frees space.
 */
final class Leftovers {
  static final String STAGING_PREFIX = ".staging-";

  private Leftovers() {}

  /** Removes the leftovers in {@code layout}; call only while holding the store's lock. */
  static void remove(StoreLayout layout) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.teamDir())) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(STAGING_PREFIX) && Files.isDirectory(entry)) {
          deleteTree(entry);
        } else if (isTemporary(name)) {
          Files.deleteIfExists(entry);
        }
      }
    }
    if (Files.isDirectory(layout.activityDir())) {
      try (DirectoryStream<Path> days = Files.newDirectoryStream(layout.activityDir())) {
        for (Path day : days) {
          removeTemporaryFiles(day);
        }
      }
    }
  }

  private static void removeTemporaryFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (isTemporary(file.getFileName().toString())) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static boolean isTemporary(String name) {
    return name.startsWith(".") && name.endsWith(".tmp");
  }

  /** Deletes {@code dir} and everything in it. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
