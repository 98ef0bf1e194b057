package dev.labelmeter.supervisely;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * When and how long the client waits before trying a call again: up to {@code maxRetries} retries
 * after the first attempt, waiting {@code min(cap, base * 2^retry)} scaled by a random factor in
 * [0.5, 1] ("equal jitter"), or longer when the server's {@code Retry-After} asks for it (at most
 * {@link #MAX_RETRY_AFTER}).
 *
 * <p>Until a server has answered once, a connection it refuses or closes is more likely a wrong
 * address than a restart: such failures use the short {@link #firstContact()} policy instead.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param backoffBase wait before the first retry (before jitter)
 * @param backoffCap longest exponential wait (before jitter)
 */
public record RetryPolicy(int maxRetries, Duration backoffBase, Duration backoffCap) {
  /** HTTP statuses that are retried, as the Python SDK does. */
  public static final Set<Integer> RETRYABLE_STATUSES =
      Set.of(408, 429, 499, 500, 502, 503, 504, 509, 598, 599);

  /** The longest {@code Retry-After} honoured; longer requests are cut to this. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);

  /** The SDK's defaults: 10 retries, 1 s base, 60 s cap. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60));

  /** The most retries of a failed connection to a server that has never answered. */
  public static final int FIRST_CONTACT_RETRIES = 2;

  /** The longest wait between those retries (before jitter). */
  public static final Duration FIRST_CONTACT_CAP = Duration.ofSeconds(2);

  /** Validates the policy. */
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
    }
    requirePositive("backoffBase", backoffBase);
    requirePositive("backoffCap", backoffCap);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be a duration >= 0, got " + value);
    }
  }

  /**
   * Returns the policy for connections refused or closed by a server that has not answered yet:
   * at most
   * {@link #FIRST_CONTACT_RETRIES} retries, waits of at most {@link #FIRST_CONTACT_CAP}, and never
   * more retries or longer waits than this policy. With the defaults a wrong address fails after 3
   * attempts and at most 3 s of waiting.
   */
  public RetryPolicy firstContact() {
    Duration cap = shorter(backoffCap, FIRST_CONTACT_CAP);
    return new RetryPolicy(
        Math.min(maxRetries, FIRST_CONTACT_RETRIES), shorter(backoffBase, cap), cap);
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Returns whether a response with this status is worth another attempt. */
  public static boolean isRetryable(int status) {
    return RETRYABLE_STATUSES.contains(status);
  }

  /**
   * Returns the wait before retry number {@code retryIndex} (0 for the first retry).
   *
   * @param random a value in [0, 1) that picks the jitter
   * @param retryAfter the server's requested wait, if it sent one
   */
  public Duration delay(int retryIndex, double random, Optional<Duration> retryAfter) {
    Duration exponential = exponential(retryIndex);
    long jitteredNanos = (long) (exponential.toNanos() * (0.5 + 0.5 * random));
    Duration backoff = Duration.ofNanos(jitteredNanos);
    Duration asked = retryAfter.map(RetryPolicy::clampRetryAfter).orElse(Duration.ZERO);
    return asked.compareTo(backoff) > 0 ? asked : backoff;
  }

  private Duration exponential(int retryIndex) {
    Duration grown = backoffBase;
    for (int i = 0; i < retryIndex && grown.compareTo(backoffCap) < 0; i++) {
      grown = grown.multipliedBy(2);
    }
    return grown.compareTo(backoffCap) > 0 ? backoffCap : grown;
  }

  private static Duration clampRetryAfter(Duration asked) {
    if (asked.isNegative()) {
      return Duration.ZERO;
    }
    return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
  }

  /**
   * Returns the wait a {@code Retry-After} header asks for: either whole seconds or an HTTP-date
   * (measured from {@code clock}); empty for a missing or unreadable header.
   */
  public static Optional<Duration> parseRetryAfter(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      return value.length() > 9
          ? Optional.of(MAX_RETRY_AFTER)
          : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
