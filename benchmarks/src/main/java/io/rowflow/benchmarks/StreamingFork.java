package io.rowflow.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.rowflow.Coalescing;
import io.rowflow.benchmarks.report.ContenderResult;
import io.rowflow.benchmarks.report.WorkloadResult;
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
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * W6 and W6T: streams the event table (W6T inside a transaction) in JVMs of their own with {@code -Xmx128m},
 * one per contender, so each is measured with the same small heap and nothing else in it. The JVMs start one
 * after the other, then take turns stream by stream (each round starting with another contender), like the in-process
 * workloads, so a burst of load from other processes does not land on one contender only.
 *
 * <p>The parent drives each child through standard input and output, one line each way:
 * {@code WARM} (an unmeasured stream, answered {@code DONE}), {@code RESET} (collect garbage and
 * start watching the heap, {@code DONE}), {@code ROUND} (a measured stream, answered
 * {@code ROUND <rows> <nanos> <statements> <cpu nanos> <allocated bytes>}) and {@code END}
 * (answered {@code HEAP <peak bytes> <live bytes>}, then the child exits).
 *
 * <p>Peak heap is the highest heap use seen just before any collection during the measured rounds
 * (or at the end of a round); live heap is the highest heap use right after a collection, what the
 * stream really retained.
 */
public final class StreamingFork {

    /** The heap limit of the streaming JVMs. */
    public static final String MAX_HEAP = "-Xmx128m";

    private StreamingFork() {
    }

    /** Runs W6 or W6T for the contenders, in forked JVMs taking turns, and collects the results. */
    static WorkloadResult run(Settings settings, Workload workload, List<String> contenders)
            throws IOException, InterruptedException {
        List<Child> children = new ArrayList<>();
        try {
            for (String contender : contenders) {                 // one at a time: JVMs starting together on a
                Child child = new Child(contender, settings, workload);      // loaded machine time out opening connections
                if (child.expect("READY")[1].equals("skips")) {      // the contender does not run the workload
                    child.skipped();
                } else {
                    children.add(child);
                }
            }
            for (int round = 0; round < settings.warmupRounds(); round++) {
                for (Child child : rotated(children, round)) {
                    child.send("WARM").expect("DONE");
                }
            }
            for (Child child : children) {
                child.send("RESET").expect("DONE");
            }
            for (int round = 0; round < settings.rounds(); round++) {
                for (Child child : rotated(children, round)) {
                    child.round(child.send("ROUND").expect("ROUND"));
                }
            }
            List<ContenderResult> results = new ArrayList<>();
            for (Child child : children) {
                results.add(child.finish(child.send("END").expect("HEAP"), settings.rounds()));
            }
            return new WorkloadResult(workload, Contenders.BASELINE, results);
        } finally {
            children.forEach(child -> child.process.destroy());
        }
    }

    private static List<Child> rotated(List<Child> children, int round) {
        List<Child> rotated = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            rotated.add(children.get((i + round) % children.size()));
        }
        return rotated;
    }

    /** One forked JVM and its conversation. */
    private static final class Child {
        private final String contender;
        private final Workload workload;
        private final Process process;
        private final BufferedReader output;
        private final java.io.Writer input;
        private final List<Double> rounds = new ArrayList<>();
        private long statements;
        private long cpuNanos;
        private long allocated;

        Child(String contender, Settings settings, Workload workload) throws IOException {
            this.contender = contender;
            this.workload = workload;
            List<String> command = Contenders.javaCommand(contender, List.of(MAX_HEAP), StreamingFork.class,
                    List.of(contender, settings.url(), settings.schema(), Integer.toString(settings.streamRows()),
                            Integer.toString(settings.coalescing().maxInFlight()),
                            Integer.toString(settings.coalescing().maxBatchSize()), workload.name()));
            this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        Child send(String command) throws IOException {
            input.write(command + "\n");
            input.flush();
            return this;
        }

        /** Reads lines until one starts with the word, and returns its parts. */
        String[] expect(String word) throws IOException {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                String[] parts = line.trim().split(" ");
                if (parts[0].equals(word)) {
                    return parts;
                }
            }
            throw new IllegalStateException(workload + " for " + contender + " stopped before answering " + word
                    + "; see its output above");
        }

        void round(String[] parts) {
            rounds.add(Long.parseLong(parts[1]) / (Long.parseLong(parts[2]) / 1e9));
            statements += Long.parseLong(parts[3]);
            cpuNanos += Long.parseLong(parts[4]);
            allocated += Long.parseLong(parts[5]);
        }

        /** Waits for the JVM of a contender that does not run the workload to end. */
        void skipped() throws InterruptedException {
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(workload + " for " + contender + " failed; see its output above");
            }
        }

        ContenderResult finish(String[] heap, int expectedRounds) throws InterruptedException {
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0 || rounds.size() != expectedRounds) {
                throw new IllegalStateException(workload + " for " + contender + " failed; see its output above");
            }
            return new ContenderResult(contender, rounds, (double) statements / rounds.size(),
                    cpuNanos / 1_000.0 / rounds.size(), allocated / 1_024.0 / rounds.size(),
                    Long.parseLong(heap[1]), Long.parseLong(heap[2]), null);
        }
    }

    /**
     * The forked JVM: {@code contender url schema rows in-flight batch workload} (in-flight and batch:
     * the rowflow contender's coalescing; workload: W6 or W6T), then commands on standard input.
     *
     * @param args the arguments, as {@link #run(Settings, Workload, List)} passes them
     */
    public static void main(String[] args) throws Exception {
        String contenderName = args[0];
        String url = args[1];
        String schema = args[2];
        long rows = Long.parseLong(args[3]);
        Coalescing coalescing = new Coalescing(true, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        boolean inTransaction = Workload.valueOf(args[6]) == Workload.W6T;
        HeapWatch heap = new HeapWatch();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Contenders.Prepared prepared = Contenders.create(contenderName, new Contenders.Setup(url, schema, 2, coalescing))) {
            Contender contender = prepared.contender();
            LongSupplier counting = prepared.statements();
            if (!contender.runs(Workload.valueOf(args[6]))) {
                System.out.println("READY skips");
                prepared.close();
                System.exit(0);
            }
            System.out.println("READY runs");
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                switch (command.trim()) {
                    case "WARM" -> {
                        stream(contender, rows, inTransaction);
                        System.out.println("DONE");
                    }
                    case "RESET" -> {
                        System.gc();
                        pause();      // let the notification of that collection pass before watching
                        heap.reset();
                        System.out.println("DONE");
                    }
                    case "ROUND" -> {
                        long before = counting.getAsLong();
                        long cpuStart = Measurement.processCpuNanos();
                        long allocatedStart = Measurement.processAllocatedBytes();
                        long start = System.nanoTime();
                        stream(contender, rows, inTransaction);
                        long nanos = System.nanoTime() - start;
                        long cpu = Measurement.processCpuNanos() - cpuStart;
                        long allocated = Measurement.processAllocatedBytes() - allocatedStart;
                        heap.sample();
                        System.out.println("ROUND " + rows + " " + nanos + " " + (counting.getAsLong() - before) + " "
                                + cpu + " " + allocated);
                    }
                    case "END" -> {
                        pause();      // notifications arrive asynchronously
                        System.out.println("HEAP " + heap.peak() + " " + heap.live());
                        prepared.close();
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("Unknown command " + command);
                }
            }
        }
        System.exit(1);
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stream(Contender contender, long rows, boolean inTransaction) {
        Long counted = (inTransaction ? contender.streamEventsInTransaction() : contender.streamEvents())
                .block(Duration.ofMinutes(5));
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
