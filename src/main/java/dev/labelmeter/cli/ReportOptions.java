package dev.labelmeter.cli;

import dev.labelmeter.cli.config.FlagValue;
import dev.labelmeter.cli.config.Setting;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that choose what a report covers and how it is computed and written. */
public final class ReportOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(
      names = "--window",
      paramLabel = "WINDOW",
      description =
          "Reports on these dates: Nd or Nw (the N full days or weeks before the snapshot date,"
              + " e.g. 7d), yesterday, today, last-week, this-week, last-month, this-month, or"
              + " FROM..TO (TO excluded). Default: 'report.window' of the configuration, 7d.")
  private String window;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description =
          "Reports from this ISO date (yyyy-MM-dd) on, instead of --window. Default: none.")
  private String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description =
          "Reports up to, not including, this ISO date; needs --from. Default: the snapshot"
              + " date.")
  private String to;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "Turns event times into dates in this time zone, e.g. Europe/Berlin. Default:"
              + " 'report.zone' of the configuration, UTC.")
  private String zone;

  @Option(
      names = "--idle-threshold",
      paramLabel = "DURATION",
      description =
          "Counts a gap between two events of a user as active time up to this length: seconds"
              + " (300) or with units (5m, 90s). Default: 'report.idle-threshold', 5m.")
  private String idleThreshold;

  @Option(
      names = "--stale-days",
      paramLabel = "N",
      description =
          "Flags an open job as stale after N days without work. Default:"
              + " 'report.stale-days', 3.")
  private String staleDays;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "Computes the metrics with tablesaw (one machine) or spark (large teams). Default:"
              + " 'report.engine' of the configuration, tablesaw.")
  private String engine;

  @Option(
      names = "--format",
      paramLabel = "FORMATS",
      description =
          "Writes these report formats, comma-separated: xlsx, html, json. Default:"
              + " 'report.formats' of the configuration, xlsx,html.")
  private String formats;

  @Option(
      names = "--reports-dir",
      paramLabel = "DIR",
      description =
          "Writes reports under DIR/<team>/<date>/. Default: 'reports-dir' of the configuration,"
              + " reports/ in the installation directory.")
  private String reportsDir;

  public void addTo(Map<Setting, FlagValue> flags) {
    FlagValue.put(flags, Setting.WINDOW, from == null ? "--window" : "--from/--to", window());
    FlagValue.put(flags, Setting.ZONE, "--zone", zone);
    FlagValue.put(flags, Setting.IDLE_THRESHOLD, "--idle-threshold", idleThreshold);
    FlagValue.put(flags, Setting.STALE_DAYS, "--stale-days", staleDays);
    FlagValue.put(flags, Setting.ENGINE, "--engine", engine);
    FlagValue.put(flags, Setting.FORMATS, "--format", formats);
    FlagValue.put(flags, Setting.REPORTS_DIR, "--reports-dir", reportsDir);
  }

  private String window() {
    if (from == null && to == null) {
      return window;
    }
    if (window != null) {
      throw usage("give either --window or --from/--to, not both");
    }
    if (from == null) {
      throw usage("--to needs --from; for example --from 2026-11-01 --to 2026-11-08");
    }
    return from.strip() + ".." + (to == null ? "" : to.strip());
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
