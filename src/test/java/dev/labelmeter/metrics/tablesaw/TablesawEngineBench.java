package dev.labelmeter.metrics.tablesaw;

import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.RandomStore;
import dev.labelmeter.store.StoreLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the engine on a synthetic store: load time, compute time and peak heap. Run with
 * {@code scripts/bench-tablesaw [events-in-millions] [store-dir]}; an existing store directory
 * (for example a simulator {@code large} team) is measured as it is.
 */
public final class TablesawEngineBench {
  private TablesawEngineBench() {}

  public static void main(String[] args) throws Exception {
    double millions = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    StoreLayout store = args.length > 1 ? StoreLayout.at(Path.of(args[1])) : generate(millions);
    resetPeaks();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    StoreTables tables = TablesawEngine.load(store);
    long c1 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    MetricsResult result = TablesawEngine.compute(tables, MetricsParams.defaults());
    long c2 = threads.getCurrentThreadCpuTime();
    long t2 = System.nanoTime();
    System.out.printf(
        "events received %d, work events %d, jobs %d, labelers %d%n",
        tables.counts().received(),
        tables.events().rowCount(),
        tables.jobs().rowCount(),
        result.labelers().size());
    System.out.printf(
        "load %.1f s (cpu %.1f s), compute %.1f s (cpu %.1f s), peak heap %d MB (max %d MB)%n",
        (t1 - t0) / 1e9,
        (c1 - c0) / 1e9,
        (t2 - t1) / 1e9,
        (c2 - c1) / 1e9,
        peakHeapBytes() / (1 << 20),
        Runtime.getRuntime().maxMemory() / (1 << 20));
  }

  private static StoreLayout generate(double millions) throws Exception {
    Path dir = Files.createTempDirectory("labelmeter-bench");
    // 60 users x 35 days x 80% active x ~600 events (mean of 1..1200) = about 1M events per 1.0.
    int eventsPerUserDay = (int) Math.round(600 * millions);
    RandomStore.Spec spec = new RandomStore.Spec(42, 60, 240, 200, 35, eventsPerUserDay);
    long t0 = System.nanoTime();
    StoreLayout layout = RandomStore.write(dir, 1, spec);
    System.out.printf("generated %s in %.1f s%n", layout.teamDir(), (System.nanoTime() - t0) / 1e9);
    return layout;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapBytes() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }
}
