package dev.labelmeter.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report run asks for. The window is optional: without it, the engine takes the 7 full days
 * before the local date of the snapshot in {@link #zone()}.
 *
 * @param window the local dates {@code [from, to)} in {@link #zone()}, or empty for the default
 * @param zone the report zone that turns instants into local dates
 * @param idleThreshold the longest gap between two events of a user that still counts as active
 * @param staleDays a job is stale after this many days without work
 * @param statsDurationUnit the unit of the {@code *Duration} fields of {@code jobs.stats}
 */
public record MetricsParams(
    Optional<DateWindow> window,
    ZoneId zone,
    Duration idleThreshold,
    int staleDays,
    ChronoUnit statsDurationUnit) {

  public static final Duration DEFAULT_IDLE_THRESHOLD = Duration.ofSeconds(300);
  public static final int DEFAULT_STALE_DAYS = 3;
  public static final int DEFAULT_WINDOW_DAYS = 7;

  public MetricsParams {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(idleThreshold, "idleThreshold");
    Objects.requireNonNull(statsDurationUnit, "statsDurationUnit");
    if (idleThreshold.isNegative()) {
      throw new IllegalArgumentException(
          "idle threshold must be 0 seconds or more, got " + idleThreshold.toSeconds() + " s");
    }
    if (staleDays < 0) {
      throw new IllegalArgumentException("stale days must be 0 or more, got " + staleDays);
    }
    if (statsDurationUnit != ChronoUnit.SECONDS && statsDurationUnit != ChronoUnit.MILLIS) {
      throw new IllegalArgumentException(
          "stats duration unit must be SECONDS or MILLIS, got " + statsDurationUnit);
    }
  }

  /** Returns the defaults: last 7 full days, UTC, 300 s idle threshold, stale after 3 days. */
  public static MetricsParams defaults() {
    return new MetricsParams(
        Optional.empty(),
        ZoneId.of("UTC"),
        DEFAULT_IDLE_THRESHOLD,
        DEFAULT_STALE_DAYS,
        ChronoUnit.SECONDS);
  }

  public MetricsParams withWindow(DateWindow newWindow) {
    return new MetricsParams(
        Optional.of(newWindow), zone, idleThreshold, staleDays, statsDurationUnit);
  }

  public MetricsParams withZone(ZoneId newZone) {
    return new MetricsParams(window, newZone, idleThreshold, staleDays, statsDurationUnit);
  }

  public MetricsParams withIdleThreshold(Duration threshold) {
    return new MetricsParams(window, zone, threshold, staleDays, statsDurationUnit);
  }

  public MetricsParams withStaleDays(int days) {
    return new MetricsParams(window, zone, idleThreshold, days, statsDurationUnit);
  }

  /** Returns the window to report: the explicit one, or the default for {@code snapshotAt}. */
  public DateWindow resolveWindow(Instant snapshotAt) {
    return window.orElseGet(
        () -> {
          LocalDate today = snapshotAt.atZone(zone).toLocalDate();
          return new DateWindow(today.minusDays(DEFAULT_WINDOW_DAYS), today);
        });
  }
}
