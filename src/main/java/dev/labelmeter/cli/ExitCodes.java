package dev.labelmeter.cli;

/** The exit codes of every command, as documented in {@code docs/operations.md}. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The command failed while running: server, network, disk or data trouble. */
  public static final int FAILURE = 1;

  /** The command line or the configuration is wrong; nothing was done. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
