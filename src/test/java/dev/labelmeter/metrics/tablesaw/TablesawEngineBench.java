package dev.labelmeter.metrics.tablesaw;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.labelmeter.metrics.MetricsParams;
import dev.labelmeter.metrics.MetricsResult;
import dev.labelmeter.metrics.RandomStore;
import dev.labelmeter.store.StoreLayout;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

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
    HeapWatch heap = HeapWatch.start();
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
        "load %.1f s (cpu %.1f s), compute %.1f s (cpu %.1f s), heap limit %d MB%n",
        (t1 - t0) / 1e9,
        (c1 - c0) / 1e9,
        (t2 - t1) / 1e9,
        (c2 - c1) / 1e9,
        Runtime.getRuntime().maxMemory() / (1 << 20));
    System.out.printf(
        "peak heap used %d MB (sampled every 10 ms), largest heap after a collection %d MB%n",
        heap.peakUsedBytes() / (1 << 20), heap.peakAfterGcBytes() / (1 << 20));
  }

  /**
   * Watches the heap: the largest total occupancy seen by a 10 ms sampler, and the largest
   * occupancy right after a collection (an upper bound of the live data at that moment).
   */
  private static final class HeapWatch {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();

    static HeapWatch start() {
      HeapWatch watch = new HeapWatch();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener(watch::afterGc, null, null);
      }
      Thread sampler = new Thread(watch::sample, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      return watch;
    }

    private void sample() {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      while (true) {
        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void afterGc(Notification notification, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
          notification.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      long before = 0;
      long after = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage poolBefore = info.getGcInfo().getMemoryUsageBeforeGc().get(pool.getName());
        MemoryUsage poolAfter = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
        if (pool.getType() == MemoryType.HEAP && poolBefore != null && poolAfter != null) {
          before += poolBefore.getUsed();
          after += poolAfter.getUsed();
        }
      }
      peakUsed.accumulateAndGet(before, Math::max);
      peakAfterGc.accumulateAndGet(after, Math::max);
    }

    long peakUsedBytes() {
      return Math.max(
          peakUsed.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    long peakAfterGcBytes() {
      return peakAfterGc.get();
    }
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
}
