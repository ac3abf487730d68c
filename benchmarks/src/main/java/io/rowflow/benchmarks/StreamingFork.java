package io.rowflow.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.r2dbc.pool.ConnectionPool;
import io.rowflow.benchmarks.report.ContenderResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * W6: streams the event table in a JVM of its own with {@code -Xmx128m}, one per contender, so
 * each is measured with the same small heap and nothing else in it. The parent starts the child
 * with this class as main class and reads its report lines from standard output:
 * {@code ROUND <rows> <nanos> <statements> <cpu nanos> <allocated bytes>} per measured round, then
 * {@code HEAP <peak bytes> <live bytes>}.
 *
 * <p>Peak heap is the highest heap use seen just before any collection during the measured rounds
 * (or at the end of a round); live heap is the highest heap use right after a collection, what the
 * stream really retained.
 */
public final class StreamingFork {

    /** The heap limit of the streaming JVM. */
    public static final String MAX_HEAP = "-Xmx128m";

    private StreamingFork() {
    }

    /** Runs one contender's W6 rounds in a forked JVM and collects its result. */
    static ContenderResult run(String contender, Settings settings) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, MAX_HEAP, "-cp", System.getProperty("java.class.path"),
                StreamingFork.class.getName(), contender, settings.url(), settings.schema(),
                Integer.toString(settings.streamRows()), Integer.toString(settings.warmupRounds()),
                Integer.toString(settings.rounds()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Double> rounds = new ArrayList<>();
        long statements = 0;
        long cpuNanos = 0;
        long allocated = 0;
        long peak = 0;
        long live = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                if (parts[0].equals("ROUND")) {
                    rounds.add(Long.parseLong(parts[1]) / (Long.parseLong(parts[2]) / 1e9));
                    statements += Long.parseLong(parts[3]);
                    cpuNanos += Long.parseLong(parts[4]);
                    allocated += Long.parseLong(parts[5]);
                } else if (parts[0].equals("HEAP")) {
                    peak = Long.parseLong(parts[1]);
                    live = Long.parseLong(parts[2]);
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("W6 for " + contender + " did not finish within 10 minutes");
        }
        if (process.exitValue() != 0 || rounds.size() != settings.rounds()) {
            throw new IllegalStateException("W6 for " + contender + " failed (exit code " + process.exitValue()
                    + ", " + rounds.size() + " of " + settings.rounds() + " rounds); see its output above");
        }
        return new ContenderResult(contender, rounds, (double) statements / rounds.size(),
                cpuNanos / 1_000.0 / rounds.size(), allocated / 1_024.0 / rounds.size(), peak, live);
    }

    /**
     * The forked JVM: {@code contender url schema rows warmupRounds rounds}.
     *
     * @param args the arguments, as {@link #run(String, Settings)} passes them
     */
    public static void main(String[] args) {
        String contenderName = args[0];
        String url = args[1];
        String schema = args[2];
        long rows = Long.parseLong(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        CountingConnectionFactory counting = Pools.counting(url, schema);
        ConnectionPool pool = Pools.create(counting, 2);
        HeapWatch heap = new HeapWatch();
        try (Contender contender = Contenders.create(contenderName, pool)) {
            for (int i = 0; i < warmup; i++) {
                stream(contender, rows);
            }
            System.gc();
            pause();      // let the notification of that collection pass before watching
            heap.reset();
            for (int i = 0; i < rounds; i++) {
                long before = counting.statements();
                long cpuStart = Measurement.processCpuNanos();
                long allocatedStart = Measurement.processAllocatedBytes();
                long start = System.nanoTime();
                stream(contender, rows);
                long nanos = System.nanoTime() - start;
                long cpu = Measurement.processCpuNanos() - cpuStart;
                long allocated = Measurement.processAllocatedBytes() - allocatedStart;
                heap.sample();
                System.out.println("ROUND " + rows + " " + nanos + " " + (counting.statements() - before) + " " + cpu + " " + allocated);
            }
            pause();      // notifications arrive asynchronously
            System.out.println("HEAP " + heap.peak() + " " + heap.live());
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(30));
        }
        System.exit(0);
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stream(Contender contender, long rows) {
        Long counted = contender.streamEvents().block(Duration.ofMinutes(5));
        if (counted == null || counted != rows) {
            throw new IllegalStateException(contender.name() + " streamed " + counted + " rows, expected " + rows);
        }
    }

    /** Watches heap use through garbage collection notifications. */
    private static final class HeapWatch {
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong live = new AtomicLong();
        private volatile boolean watching;

        HeapWatch() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (watching && notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData());
                        peak.accumulateAndGet(heapUse(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                        live.accumulateAndGet(heapUse(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
        }

        private long heapUse(Map<String, MemoryUsage> usage) {
            return usage.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }

        void reset() {
            peak.set(0);
            live.set(0);
            watching = true;
        }

        void sample() {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peak() {
            return peak.get();
        }

        long live() {
            return live.get();
        }
    }
}
