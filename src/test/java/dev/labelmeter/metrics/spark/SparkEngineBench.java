package dev.labelmeter.metrics.spark;

import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.store.StoreLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the Spark engine (embedded, {@code local[*]}) on an existing team store: session
 * start-up, then two metric runs (the first pays for code generation; {@code once} as second
 * argument skips the second), and the peak heap of the JVM (driver and executors share it in local
 * mode), sampled every 50 ms. Run with {@code scripts/bench-engines <team-store-dir>...}.
 */
public final class SparkEngineBench {
  private SparkEngineBench() {}

  public static void main(String[] args) throws Exception {
    QuietSparkLogs.apply();
    StoreLayout store = StoreLayout.at(Path.of(args[0]));
    AtomicLong peak = new AtomicLong();
    Thread sampler = sampler(peak);
    long t0 = System.nanoTime();
    try (SparkEngine engine = SparkEngine.start(null)) {
      long t1 = System.nanoTime();
      MetricsResult result = engine.compute(store, MetricsParams.defaults());
      long t2 = System.nanoTime();
      if (args.length < 2 || !args[1].equals("once")) {
        engine.compute(store, MetricsParams.defaults());
      }
      long t3 = System.nanoTime();
      System.out.printf(
          "spark: events received %d, jobs %d, labelers %d%n",
          result.dataQuality().eventsReceived(), result.jobs().size(), result.labelers().size());
      System.out.printf(
          "spark: session start %.1f s, first run %.1f s, second run %.1f s, peak heap %d MB"
              + " (max %d MB)%n",
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (t3 - t2) / 1e9,
          peak.get() / (1 << 20),
          Runtime.getRuntime().maxMemory() / (1 << 20));
    }
    sampler.interrupt();
  }

  private static Thread sampler(AtomicLong peak) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                  if (pool.getType() == MemoryType.HEAP) {
                    used += pool.getUsage().getUsed();
                  }
                }
                peak.accumulateAndGet(used, Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
