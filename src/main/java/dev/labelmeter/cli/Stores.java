package dev.labelmeter.cli;

import dev.labelmeter.cli.config.ConfigException;
import dev.labelmeter.store.Manifest;
import dev.labelmeter.store.StoreLayout;
import java.io.IOException;

/** Finds a team's store for the commands that read it without the network. */
final class Stores {

  private Stores() {}

  /**
   * Returns the manifest of the team's store.
   *
   * @throws ConfigException when the store has no manifest: nothing was pulled there yet
   */
  static Manifest require(StoreLayout layout, long teamId) throws IOException {
    return Manifest.read(layout)
        .orElseThrow(
            () ->
                new ConfigException(
                    "there is no complete store of team "
                        + teamId
                        + " in "
                        + layout.teamDir()
                        + "; run 'labelmeter pull --team "
                        + teamId
                        + " --data-dir "
                        + StoreMessages.shellWord(
                            layout.teamDir().toAbsolutePath().normalize().getParent())
                        + "' first, or point --data-dir at the right directory"));
  }
}
