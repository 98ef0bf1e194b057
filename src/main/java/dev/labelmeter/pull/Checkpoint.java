package dev.labelmeter.pull;

import java.io.IOException;

/**
 * Called after each file a pull moves into place, and before the manifest. Lets a test stop a
 * pull between two moves as a kill would.
 */
@FunctionalInterface
interface Checkpoint {
  Checkpoint NONE = what -> {};

  void reached(String what) throws IOException;
}
