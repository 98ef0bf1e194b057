package dev.labelmeter.cli;

import dev.labelmeter.supervisely.SuperviselyApi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process: the environment, the installation directory, the
 * working directory, the user's home and the clock. Injected so that tests drive the commands
 * in-process without touching the real environment.
 *
 * @param env environment variables
 * @param home the installation directory: holds {@code conf/labelmeter.yaml}
 * @param workingDir the directory relative flags are resolved against
 * @param userHome the user's home, where {@code supervisely.env} is looked for
 * @param clock the clock of "now"
 */
public record CliContext(
    Map<String, String> env, Path home, Path workingDir, Path userHome, Clock clock) {

  public CliContext {
    env = Map.copyOf(env);
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(workingDir, "workingDir");
    Objects.requireNonNull(userHome, "userHome");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the context of this process: {@code LABELMETER_HOME}, or the system property {@code
   * labelmeter.home} the launcher sets, or else the working directory, as the installation.
   */
  public static CliContext fromProcess() {
    Map<String, String> env = System.getenv();
    Path workingDir = Path.of("").toAbsolutePath();
    String home = env.getOrDefault("LABELMETER_HOME", System.getProperty("labelmeter.home"));
    return new CliContext(
        env,
        home == null || home.isBlank() ? workingDir : Path.of(home).toAbsolutePath(),
        workingDir,
        SuperviselyApi.homeDirectory(env),
        Clock.systemUTC());
  }
}
