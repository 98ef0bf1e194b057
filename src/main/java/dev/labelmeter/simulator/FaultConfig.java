package dev.labelmeter.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The faults a {@link SimulatorServer} injects: latency, error responses, dropped connections and
 * events appended to the activity log while a client pages through it. Immutable; build with
 * {@link #builder()}.
 *
 * <pre>{@code
 * FaultConfig faults = FaultConfig.builder()
 *     .latency(Duration.ofMillis(20))
 *     .errors(0.1, 429).retryAfterSeconds(1)
 *     .drops(0.05)
 *     .appendDuringPaging(3)
 *     .build();
 * }</pre>
 */
public final class FaultConfig {
  private static final Set<Integer> ERROR_STATUSES = Set.of(429, 500, 502, 503, 504);
  private static final FaultConfig NONE = builder().build();

  private final Duration minLatency;
  private final Duration maxLatency;
  private final double errorShare;
  private final int errorStatus;
  private final int retryAfterSeconds;
  private final double dropShare;
  private final int appendPerActivityPage;
  private final Duration appendedEventAge;
  private final Set<String> methods;
  private final long seed;

  private FaultConfig(Builder b) {
    this.minLatency = b.minLatency;
    this.maxLatency = b.maxLatency;
    this.errorShare = b.errorShare;
    this.errorStatus = b.errorStatus;
    this.retryAfterSeconds = b.retryAfterSeconds;
    this.dropShare = b.dropShare;
    this.appendPerActivityPage = b.appendPerActivityPage;
    this.appendedEventAge = b.appendedEventAge;
    this.methods = b.methods;
    this.seed = b.seed;
  }

  /** Returns a configuration without any fault. */
  public static FaultConfig none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.minLatency = minLatency;
    b.maxLatency = maxLatency;
    b.errorShare = errorShare;
    b.errorStatus = errorStatus;
    b.retryAfterSeconds = retryAfterSeconds;
    b.dropShare = dropShare;
    b.appendPerActivityPage = appendPerActivityPage;
    b.appendedEventAge = appendedEventAge;
    b.methods = methods;
    b.seed = seed;
    return b;
  }

  public Duration minLatency() {
    return minLatency;
  }

  public Duration maxLatency() {
    return maxLatency;
  }

  /** Returns the share of requests (0 to 1) answered with {@link #errorStatus()}. */
  public double errorShare() {
    return errorShare;
  }

  public int errorStatus() {
    return errorStatus;
  }

  /** Returns the {@code Retry-After} seconds sent with a 429. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Returns the share of requests (0 to 1) whose connection is closed without a response. */
  public double dropShare() {
    return dropShare;
  }

  /** Returns how many events are appended to the log after each {@code teams.activity} page. */
  public int appendPerActivityPage() {
    return appendPerActivityPage;
  }

  /**
   * Returns how far before the server's clock the appended events are dated: zero appends them at
   * the end of the log; a positive age slips them in among older events.
   */
  public Duration appendedEventAge() {
    return appendedEventAge;
  }

  /** Returns the API methods the error and drop faults apply to; empty means every method. */
  public Set<String> methods() {
    return methods;
  }

  long seed() {
    return seed;
  }

  boolean appliesTo(String method) {
    return methods.isEmpty() || methods.contains(method);
  }

  /** Returns the latency of one request, drawn from {@code rng} when it is a range. */
  Duration drawLatency(SplittableRandom rng) {
    long min = minLatency.toNanos();
    long max = maxLatency.toNanos();
    return max <= min
        ? minLatency
        : Duration.ofNanos(min + (long) (rng.nextDouble() * (max - min)));
  }

  @Override
  public String toString() {
    return "FaultConfig[latency="
        + minLatency.toMillis()
        + ".."
        + maxLatency.toMillis()
        + " ms, errors="
        + errorShare
        + "x"
        + errorStatus
        + ", drops="
        + dropShare
        + ", appendPerActivityPage="
        + appendPerActivityPage
        + ", methods="
        + methods
        + "]";
  }

  /** Builds a {@link FaultConfig}; every setter checks its argument. */
  public static final class Builder {
    private Duration minLatency = Duration.ZERO;
    private Duration maxLatency = Duration.ZERO;
    private double errorShare;
    private int errorStatus = 503;
    private int retryAfterSeconds = 1;
    private double dropShare;
    private int appendPerActivityPage;
    private Duration appendedEventAge = Duration.ZERO;
    private Set<String> methods = Set.of();
    private long seed = 1;

    private Builder() {}

    /** Delays every response by {@code latency}. */
    public Builder latency(Duration latency) {
      return latency(latency, latency);
    }

    /** Delays every response by a uniform draw between {@code min} and {@code max}. */
    public Builder latency(Duration min, Duration max) {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "latency range " + min + ".." + max + " is invalid: use 0 <= min <= max");
      }
      this.minLatency = min;
      this.maxLatency = max;
      return this;
    }

    /**
     * Answers a share of requests with {@code status}: 429 (with {@code Retry-After}), 500, 502,
     * 503 or 504.
     */
    public Builder errors(double share, int status) {
      checkShare("error share", share);
      if (!ERROR_STATUSES.contains(status)) {
        throw new IllegalArgumentException(
            "error status " + status + " is not injectable: use one of " + ERROR_STATUSES);
      }
      this.errorShare = share;
      this.errorStatus = status;
      return this;
    }

    /** Sets the seconds of the {@code Retry-After} header sent with a 429 (default 1). */
    public Builder retryAfterSeconds(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("Retry-After must be >= 0 seconds, got " + seconds);
      }
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** Closes the connection without any response for a share of requests. */
    public Builder drops(double share) {
      checkShare("drop share", share);
      this.dropShare = share;
      return this;
    }

    /** Appends {@code count} new events to the activity log after each activity page served. */
    public Builder appendDuringPaging(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("appended events per page must be >= 0, got " + count);
      }
      this.appendPerActivityPage = count;
      return this;
    }

    /** Dates appended events {@code age} before the server's clock (default: at the clock). */
    public Builder appendedEventAge(Duration age) {
      if (age.isNegative()) {
        throw new IllegalArgumentException("appended event age must be >= 0, got " + age);
      }
      this.appendedEventAge = age;
      return this;
    }

    /** Limits the error and drop faults to these API methods, e.g. {@code jobs.stats}. */
    public Builder onlyMethods(String... methodNames) {
      this.methods = Set.of(methodNames);
      return this;
    }

    /** Seeds the draws that decide which requests fail (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public FaultConfig build() {
      return new FaultConfig(this);
    }

    private static void checkShare(String what, double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(what + " must be between 0 and 1, got " + share);
      }
    }
  }
}
