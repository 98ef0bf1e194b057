package dev.labelmeter.cli.config;

import dev.labelmeter.metrics.DateWindow;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.supervisely.ServerAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration: every setting after the file, {@code ~/supervisely.env}, the
 * environment and the flags, with where each value came from. Paths are absolute.
 */
public final class Settings {
  private final Map<Setting, Object> values;
  private final Map<Setting, Origin> origins;
  private final Optional<Path> configFile;
  private final List<String> warnings;

  Settings(
      Map<Setting, Object> values,
      Map<Setting, Origin> origins,
      Optional<Path> configFile,
      List<String> warnings) {
    this.values = new EnumMap<>(values);
    this.origins = new EnumMap<>(origins);
    this.configFile = configFile;
    this.warnings = List.copyOf(warnings);
  }

  /** Returns the value of {@code setting}, if it has one (only team, server, token may lack). */
  public Optional<Object> value(Setting setting) {
    return Optional.ofNullable(values.get(setting));
  }

  /** Returns where the value of {@code setting} came from. */
  public Origin origin(Setting setting) {
    return origins.getOrDefault(setting, Origin.byDefault());
  }

  /** Returns the configuration file that was read, if any. */
  public Optional<Path> configFile() {
    return configFile;
  }

  /**
   * Returns what looked wrong but did not stop loading, such as an unknown LABELMETER_ variable.
   */
  public List<String> warnings() {
    return warnings;
  }

  public Optional<Long> team() {
    return value(Setting.TEAM).map(Long.class::cast);
  }

  public Optional<String> server() {
    return value(Setting.SERVER).map(String.class::cast);
  }

  public Optional<Secret> token() {
    return value(Setting.TOKEN).map(Secret.class::cast);
  }

  /** Returns the team, or fails with a usage error saying how to give one. */
  public long requireTeam() {
    return team()
        .orElseThrow(
            () ->
                new ConfigException(
                    "no team given; pass --team N, set LABELMETER_TEAM, or set 'team:' in "
                        + fileName()));
  }

  /** Returns the server address, or fails with a usage error saying how to give one. */
  public String requireServer() {
    return server()
        .orElseThrow(
            () ->
                new ConfigException(
                    "no server address given; set SERVER_ADDRESS (for example"
                        + " https://app.supervisely.com), pass --server, or set 'server:' in "
                        + fileName()));
  }

  /** Returns the API token, or fails with a usage error saying how to give one. */
  public Secret requireToken() {
    return token()
        .orElseThrow(
            () ->
                new ConfigException(
                    "no API token given; set the API_TOKEN environment variable or put"
                        + " API_TOKEN=... in ~/supervisely.env (Supervisely: Account settings,"
                        + " API token)"));
  }

  public Path dataDir() {
    return (Path) values.get(Setting.DATA_DIR);
  }

  public Path reportsDir() {
    return (Path) values.get(Setting.REPORTS_DIR);
  }

  public Path logDir() {
    return (Path) values.get(Setting.LOG_DIR);
  }

  public WindowSpec window() {
    return (WindowSpec) values.get(Setting.WINDOW);
  }

  public ZoneId zone() {
    return (ZoneId) values.get(Setting.ZONE);
  }

  public Duration idleThreshold() {
    return (Duration) values.get(Setting.IDLE_THRESHOLD);
  }

  public int staleDays() {
    return (Integer) values.get(Setting.STALE_DAYS);
  }

  public ChronoUnit statsDurationUnit() {
    return (ChronoUnit) values.get(Setting.STATS_DURATION_UNIT);
  }

  public String engine() {
    return (String) values.get(Setting.ENGINE);
  }

  @SuppressWarnings("unchecked")
  public List<ReportFormat> formats() {
    return (List<ReportFormat>) values.get(Setting.FORMATS);
  }

  public int concurrency() {
    return (Integer) values.get(Setting.CONCURRENCY);
  }

  public Duration connectTimeout() {
    return (Duration) values.get(Setting.CONNECT_TIMEOUT);
  }

  public Duration requestTimeout() {
    return (Duration) values.get(Setting.REQUEST_TIMEOUT);
  }

  public int retries() {
    return (Integer) values.get(Setting.RETRIES);
  }

  public int historyDays() {
    return (Integer) values.get(Setting.HISTORY_DAYS);
  }

  public Duration overlap() {
    return (Duration) values.get(Setting.OVERLAP);
  }

  public int recheckDays() {
    return (Integer) values.get(Setting.RECHECK_DAYS);
  }

  public int reportRetentionDays() {
    return (Integer) values.get(Setting.REPORT_RETENTION_DAYS);
  }

  public int logRetentionDays() {
    return (Integer) values.get(Setting.LOG_RETENTION_DAYS);
  }

  public String heap() {
    return (String) values.get(Setting.HEAP);
  }

  /**
   * Returns the metrics parameters for a snapshot whose local date in the zone is {@code today}.
   *
   * @throws ConfigException if the window is empty for that date, such as {@code --from} a date
   *     after the snapshot date; the message names where the window was set
   */
  public MetricsParams metricsParams(LocalDate today) {
    DateWindow window;
    try {
      window = window().resolve(today);
    } catch (IllegalArgumentException e) {
      String message =
          String.format(
              "the window '%s' (%s) does not fit the store's snapshot date %s: %s; choose dates"
                  + " before %s, or pull again for a later snapshot",
              window(), origin(Setting.WINDOW).describe(), today, e.getMessage(), today);
      throw new ConfigException(message, e);
    }
    return new MetricsParams(
        Optional.of(window), zone(), idleThreshold(), staleDays(), statsDurationUnit());
  }

  /**
   * Returns the value of {@code setting} as the {@code config} command shows it: the token and
   * any user name, password, query or fragment of the server address masked, missing values as
   * {@code (not set)}.
   */
  public String display(Setting setting) {
    Object value = values.get(setting);
    if (value == null) {
      return "(not set)";
    }
    if (value instanceof Duration duration) {
      return Durations.format(duration);
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(Object::toString).toList()).toLowerCase();
    }
    if (value instanceof ChronoUnit unit) {
      return unit == ChronoUnit.MILLIS ? "millis" : "seconds";
    }
    if (setting == Setting.SERVER) {
      return ServerAddress.masked(value.toString());
    }
    return value.toString();
  }

  private String fileName() {
    return configFile.map(Path::toString).orElse("conf/labelmeter.yaml");
  }
}
