package dev.labelmeter.cli.config;

import dev.labelmeter.pull.PullOptions;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every configuration setting: its key in {@code conf/labelmeter.yaml}, its environment variable,
 * its command-line flag, its default and how its text is parsed. One table drives the loader, the
 * {@code config} command and the documentation.
 */
public enum Setting {
  TEAM(
      "team",
      "LABELMETER_TEAM",
      "--team",
      null,
      "The Supervisely team id to pull and report on.",
      Setting::positiveLong),
  SERVER(
      "server",
      "SERVER_ADDRESS",
      "--server",
      null,
      "The Supervisely server address, for example https://app.supervisely.com.",
      Setting::server),
  TOKEN(
      null,
      "API_TOKEN",
      null,
      null,
      "The API token of a team member; read from the environment or ~/supervisely.env only.",
      Secret::of),
  DATA_DIR(
      "data-dir",
      "LABELMETER_DATA_DIR",
      "--data-dir",
      "data",
      "The directory of the local data store, one folder per team.",
      Setting::path),
  REPORTS_DIR(
      "reports-dir",
      "LABELMETER_REPORTS_DIR",
      "--reports-dir",
      "reports",
      "The directory the reports are written to, as <teamId>/<date>/.",
      Setting::path),
  LOG_DIR(
      "log-dir",
      "LABELMETER_LOG_DIR",
      null,
      "logs",
      "The directory of the rolling log file labelmeter.log.",
      Setting::path),
  WINDOW(
      "report.window",
      "LABELMETER_WINDOW",
      "--window",
      "7d",
      "The dates the reports cover: " + WindowSpec.SYNTAX + ".",
      WindowSpec::parse),
  ZONE(
      "report.zone",
      "LABELMETER_ZONE",
      "--zone",
      "UTC",
      "The time zone that turns event times into report dates, for example Europe/Berlin.",
      Setting::zone),
  IDLE_THRESHOLD(
      "report.idle-threshold",
      "LABELMETER_IDLE_THRESHOLD",
      "--idle-threshold",
      "5m",
      "The longest gap between two events of a user that still counts as active time.",
      Setting::nonNegativeDuration),
  STALE_DAYS(
      "report.stale-days",
      "LABELMETER_STALE_DAYS",
      "--stale-days",
      "3",
      "An open job with no work for more than this many days is flagged stale.",
      text -> nonNegativeInt(text, "stale days")),
  STATS_DURATION_UNIT(
      "report.stats-duration-unit",
      "LABELMETER_STATS_DURATION_UNIT",
      null,
      "seconds",
      "The unit of the duration fields of jobs.stats on your server: seconds or millis.",
      Setting::statsUnit),
  ENGINE(
      "report.engine",
      "LABELMETER_ENGINE",
      "--engine",
      "tablesaw",
      "The metrics engine: tablesaw (one machine) or spark (large teams).",
      Setting::engine),
  FORMATS(
      "report.formats",
      "LABELMETER_FORMATS",
      "--format",
      "xlsx,html",
      "The report formats to write: any of xlsx, html, json.",
      ReportFormat::parseList),
  CONCURRENCY(
      "pull.concurrency",
      "LABELMETER_CONCURRENCY",
      "--concurrency",
      "8",
      "How many requests the pull sends to the server at once, 1 to 64.",
      Setting::concurrency),
  CONNECT_TIMEOUT(
      "pull.connect-timeout",
      "LABELMETER_CONNECT_TIMEOUT",
      null,
      "10s",
      "How long to wait for a connection to the server.",
      Setting::positiveDuration),
  REQUEST_TIMEOUT(
      "pull.request-timeout",
      "LABELMETER_REQUEST_TIMEOUT",
      null,
      "2m",
      "How long to wait for one whole response of the server.",
      Setting::positiveDuration),
  RETRIES(
      "pull.retries",
      "LABELMETER_RETRIES",
      null,
      "10",
      "How often a failed request (timeouts, 429, 5xx) is retried before the call fails.",
      text -> nonNegativeInt(text, "retries")),
  HISTORY_DAYS(
      "pull.history-days",
      "LABELMETER_HISTORY_DAYS",
      null,
      "35",
      "How many days of activity the first pull of a team fetches, 1 to 3650.",
      Setting::historyDays),
  OVERLAP(
      "pull.overlap",
      "LABELMETER_OVERLAP",
      null,
      "1h",
      "How far before the end of the last pull an incremental pull starts again, to catch late"
          + " events, up to 7 days.",
      Setting::overlap),
  RECHECK_DAYS(
      "pull.recheck-days",
      "LABELMETER_RECHECK_DAYS",
      null,
      "7",
      "How many days before its start an incremental pull compares the stored days with the"
          + " server's counts, fetching again those that gained events recorded late; 0 turns"
          + " the check off; up to 90.",
      Setting::recheckDays),
  REPORT_RETENTION_DAYS(
      "retention.report-days",
      "LABELMETER_REPORT_RETENTION_DAYS",
      null,
      "90",
      "scripts/nightly.sh deletes report folders older than this many days; 0 keeps all.",
      text -> nonNegativeInt(text, "report retention days")),
  LOG_RETENTION_DAYS(
      "retention.log-days",
      "LABELMETER_LOG_RETENTION_DAYS",
      null,
      "30",
      "Rolled log files older than this many days are deleted.",
      text -> positiveInt(text, "log retention days")),
  HEAP(
      "jvm.heap",
      "LABELMETER_HEAP",
      null,
      "4g",
      "The maximum heap of the Java process started by scripts/labelmeter, such as 4g or 8g.",
      Setting::heap);

  private final String key;
  private final String envVar;
  private final String flag;
  private final String defaultText;
  private final String description;
  private final Function<String, ?> parser;

  Setting(
      String key,
      String envVar,
      String flag,
      String defaultText,
      String description,
      Function<String, ?> parser) {
    this.key = key;
    this.envVar = envVar;
    this.flag = flag;
    this.defaultText = defaultText;
    this.description = description;
    this.parser = parser;
  }

  /** Returns the dotted key in the configuration file; empty for settings the file cannot hold. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** Returns the key, or the environment variable for settings the file cannot hold. */
  public String displayName() {
    return key != null ? key : envVar;
  }

  public String envVar() {
    return envVar;
  }

  /** Returns the command-line flag that overrides the setting, if any. */
  public Optional<String> flag() {
    return Optional.ofNullable(flag);
  }

  /** Returns the default as text; empty for settings without a default. */
  public Optional<String> defaultText() {
    return Optional.ofNullable(defaultText);
  }

  public String description() {
    return description;
  }

  /** Returns whether the value is a path, resolved against a base directory when relative. */
  public boolean isPath() {
    return this == DATA_DIR || this == REPORTS_DIR || this == LOG_DIR;
  }

  /**
   * Returns the value {@code text} denotes.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and what is accepted
   */
  public Object parse(String text) {
    return parser.apply(text.strip());
  }

  /** Returns the setting with the dotted file key {@code key}. */
  public static Optional<Setting> byKey(String key) {
    for (Setting setting : values()) {
      if (key.equals(setting.key)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }

  /** Returns every dotted key the file may hold. */
  public static List<String> fileKeys() {
    List<String> keys = new ArrayList<>();
    for (Setting setting : values()) {
      setting.key().ifPresent(keys::add);
    }
    return keys;
  }

  /** Returns the names of the sections of the file, such as {@code report}. */
  public static Set<String> sections() {
    Set<String> sections = new LinkedHashSet<>();
    for (String key : fileKeys()) {
      int dot = key.lastIndexOf('.');
      if (dot > 0) {
        sections.add(key.substring(0, dot));
      }
    }
    return sections;
  }

  private static Long positiveLong(String text) {
    try {
      long value = Long.parseLong(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a team id; use the positive number shown in Supervisely's team URL");
  }

  private static int positiveInt(String text, String what) {
    int value = integer(text, what);
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be 1 or more, got " + value);
    }
    return value;
  }

  private static java.time.Duration overlap(String text) {
    java.time.Duration overlap = nonNegativeDuration(text);
    if (overlap.compareTo(PullOptions.MAX_OVERLAP) > 0) {
      throw new IllegalArgumentException(
          "the overlap must be "
              + PullOptions.MAX_OVERLAP.toDays()
              + "d or less, got "
              + text
              + "; to reach further back once, give pull --since a date");
    }
    return overlap;
  }

  private static int recheckDays(String text) {
    return atMost(
        nonNegativeInt(text, "recheck days"), PullOptions.MAX_RECHECK_DAYS, "recheck days");
  }

  private static int historyDays(String text) {
    return atMost(positiveInt(text, "history days"), PullOptions.MAX_HISTORY_DAYS, "history days");
  }

  /** Returns {@code value}, refusing one above {@code max} of a pull's reach into the past. */
  private static int atMost(int value, int max, String what) {
    if (value > max) {
      throw new IllegalArgumentException(
          what
              + " must be "
              + max
              + " or less, got "
              + value
              + "; to reach further back once, give pull --since a date");
    }
    return value;
  }

  private static int concurrency(String text) {
    int value = positiveInt(text, "concurrency");
    if (value > 64) {
      throw new IllegalArgumentException("concurrency must be 64 or less, got " + value);
    }
    return value;
  }

  private static int nonNegativeInt(String text, String what) {
    int value = integer(text, what);
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be 0 or more, got " + value);
    }
    return value;
  }

  private static int integer(String text, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'", e);
    }
  }

  private static String server(String text) {
    if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a server address; use one such as https://app.supervisely.com");
    }
    return text;
  }

  private static Path path(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("the path is empty; give a directory");
    }
    return Path.of(text);
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time zone; use a region id such as Europe/Berlin or"
              + " America/New_York, or UTC",
          e);
    }
  }

  private static java.time.Duration nonNegativeDuration(String text) {
    java.time.Duration duration = Durations.parse(text);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "'" + text + "' is negative; give 0 or more, such as 300 or 5m");
    }
    return duration;
  }

  private static java.time.Duration positiveDuration(String text) {
    java.time.Duration duration = Durations.parse(text);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("'" + text + "' must be longer than 0, such as 10s or 2m");
    }
    return duration;
  }

  private static ChronoUnit statsUnit(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "seconds", "s" -> ChronoUnit.SECONDS;
      case "millis", "milliseconds", "ms" -> ChronoUnit.MILLIS;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not a stats duration unit; use seconds or millis");
    };
  }

  private static String engine(String text) {
    String name = text.toLowerCase(Locale.ROOT);
    if (!name.equals("tablesaw") && !name.equals("spark")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an engine; use tablesaw (default) or spark");
    }
    return name;
  }

  private static String heap(String text) {
    if (!text.matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a heap size; use a size such as 4g, 8g or 2048m");
    }
    return text;
  }
}
