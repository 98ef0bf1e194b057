package dev.labelmeter.simulator;

import java.util.SplittableRandom;

/** Deterministic random sources derived from the team seed. */
final class Seeds {
  private Seeds() {}

  /** Returns a well-mixed 64-bit value of {@code x} (the SplitMix64 finalizer). */
  static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Returns a random source for the part {@code key} of the team of {@code seed}. */
  static SplittableRandom random(long seed, long key) {
    return new SplittableRandom(mix(mix(seed) ^ key));
  }

  /** Returns a log-normal draw with the given median and spread. */
  static double logNormal(SplittableRandom rng, double median, double sigma) {
    return median * Math.exp(sigma * gaussian(rng));
  }

  /** Returns a standard normal draw (Box-Muller). */
  static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }

  /** Returns a Poisson draw with mean {@code mean} (Knuth's method; small means only). */
  static int poisson(SplittableRandom rng, double mean) {
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      count++;
    }
    return count;
  }

  /** Returns a uniform draw in {@code [min, max)}. */
  static double between(SplittableRandom rng, double min, double max) {
    return min + (max - min) * rng.nextDouble();
  }
}
