package io.rowflow.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.rowflow.Coalescing;
import io.rowflow.benchmarks.report.ChartWriter;
import io.rowflow.benchmarks.report.ContenderResult;
import io.rowflow.benchmarks.report.JsonWriter;
import io.rowflow.benchmarks.report.Latency;
import io.rowflow.benchmarks.report.MarkdownWriter;
import io.rowflow.benchmarks.report.RunReport;
import io.rowflow.benchmarks.report.WorkloadResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs the benchmark: prepares the data, runs every selected workload for every contender and
 * writes {@code results.json}, {@code results.md} and {@code ratios.png} into the results
 * directory. Usage: see {@link Settings#USAGE}; {@code benchmarks/run.sh} builds and starts it.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** Runs the benchmark from the command line. */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(Settings.USAGE);
            return;
        }
        Path out = run(Settings.parse(args));
        System.out.println("Results written to " + out.toAbsolutePath());
        System.exit(0);
    }

    /** Runs the benchmark and returns the results directory. */
    public static Path run(Settings settings) throws IOException, InterruptedException {
        long started = System.nanoTime();
        log("Preparing the data in schema " + settings.schema() + " of " + redacted(settings.url()));
        Fixture.prepare(settings.url(), settings.schema(), settings.streamRows());
        List<Lane> lanes = new ArrayList<>();
        List<WorkloadResult> results = new ArrayList<>();
        String serverVersion = Fixture.serverVersion(io.r2dbc.spi.ConnectionFactories.get(
                Pools.options(settings.url(), settings.schema())));
        Requests requests = new Requests(settings.insertRows());
        Contenders.Setup setup = new Contenders.Setup(settings.url(), settings.schema(), settings.poolSize(),
                settings.coalescing());
        Map<Workload, WorkloadResult> byWorkload = new java.util.EnumMap<>(Workload.class);
        try {
            if (settings.workloads().stream().anyMatch(w -> !w.streaming())) {
                for (String name : settings.contenders()) {
                    lanes.add(Contenders.forked(name) ? new ForkedLane(name, settings)
                            : new InProcessLane(Contenders.create(name, setup), requests));
                }
            }
            InProcessRunner runner = new InProcessRunner(settings, requests);
            for (Workload workload : settings.workloads()) {
                if (!workload.streaming()) {
                    List<Lane> running = lanes.stream().filter(lane -> lane.runs(workload)).toList();
                    byWorkload.put(workload, logged(workload, () -> runner.run(workload, running)));
                }
            }
        } finally {
            for (Lane lane : lanes) {
                lane.close();
            }
        }
        for (Workload workload : settings.workloads()) {      // W6, W6T last, with the other pools closed: the
            if (workload.streaming()) {                        // forked JVMs open their own (and skip what they don't run)
                byWorkload.put(workload, logged(workload, () -> StreamingFork.run(settings, workload, settings.contenders())));
            }
        }
        results.addAll(byWorkload.values());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        RunReport report = new RunReport(machine(serverVersion, settings, lanes), settingsOf(settings, took), results);
        Files.createDirectories(settings.out());
        Files.writeString(settings.out().resolve("results.json"), JsonWriter.write(report), StandardCharsets.UTF_8);
        String markdown = MarkdownWriter.write(report);
        Files.writeString(settings.out().resolve("results.md"), markdown, StandardCharsets.UTF_8);
        ChartWriter.write(report, subtitle(report), settings.out().resolve("ratios.png"));
        System.out.println();
        System.out.println(markdown);
        return settings.out();
    }

    /** Something that runs a workload. */
    @FunctionalInterface
    private interface WorkloadRun {
        WorkloadResult run() throws IOException, InterruptedException;
    }

    private static WorkloadResult logged(Workload workload, WorkloadRun run) throws IOException, InterruptedException {
        log(workload + " " + workload.title() + "...");
        WorkloadResult result = run.run();
        log(summary(result));
        return result;
    }

    private static String summary(WorkloadResult result) {
        StringBuilder line = new StringBuilder("  ");
        for (ContenderResult c : result.contenders()) {
            line.append(String.format(Locale.ROOT, "%s %,.0f %s (x%.2f, %.2f statements, %,.0f µs CPU%s)   ", c.contender(),
                    c.median(), result.workload().unit(), result.ratio(c), c.statementsPerOp(), c.cpuMicrosPerOp(),
                    latency(c.latency())));
        }
        return line.toString();
    }

    private static String latency(@Nullable Latency latency) {
        return latency == null ? ""
                : String.format(Locale.ROOT, ", p50 %.3f ms, p99 %.3f ms", latency.p50Millis(), latency.p99Millis());
    }

    private static Map<String, String> machine(String serverVersion, Settings settings, List<Lane> lanes) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("date", LocalDate.now().toString());
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("cpu", cpuModel());
        machine.put("memory", String.format(Locale.ROOT, "%.0f GiB", totalMemory() / (1024.0 * 1024 * 1024)));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("harness heap", String.format(Locale.ROOT, "-Xmx%dm", Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        machine.put("database", "PostgreSQL " + serverVersion + " (same machine)");
        machine.put("drivers", "r2dbc-postgresql " + version(io.r2dbc.postgresql.PostgresqlConnectionFactory.class)
                + ", r2dbc-pool " + version(ConnectionPool.class)
                + ", Spring Data R2DBC " + version(org.springframework.data.r2dbc.core.R2dbcEntityTemplate.class)
                + ", Hibernate Reactive " + io.rowflow.benchmarks.hibernate.HibernateReactiveContender.versions()
                + ", HikariCP " + version(com.zaxxer.hikari.HikariDataSource.class)
                + " with PostgreSQL JDBC " + version(org.postgresql.Driver.class)
                + forkedVersions(lanes));
        if (settings.contenders().contains(Contenders.JOOQ)) {
            machine.put("jooq jvm", "its own JVM (jOOQ's open-source edition needs Java 21): " + System.getProperty(Contenders.JOOQ_JAVA)
                    + " -Xms1g -Xmx1g; W6, W6T at " + StreamingFork.MAX_HEAP);
        }
        return machine;
    }

    private static String forkedVersions(List<Lane> lanes) {
        StringBuilder versions = new StringBuilder();
        for (Lane lane : lanes) {
            if (lane instanceof ForkedLane forked) {
                versions.append(", ").append(forked.description());
            }
        }
        return versions.toString();
    }

    private static Map<String, String> settingsOf(Settings settings, Duration took) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("mode", settings.mode());
        values.put("url", redacted(settings.url()));
        values.put("schema", settings.schema());
        values.put("pool", settings.poolSize() + " connections per contender (r2dbc-pool, acquire timeout "
                + Pools.ACQUIRE_TIMEOUT.toSeconds() + " s; hibernate-reactive: its Vert.x pool, jdbc: HikariCP, same size"
                + " and timeout)");
        values.put("rounds", settings.warmupRounds() + " warm-up + " + settings.rounds() + " measured, interleaved by contender");
        values.put("round time", settings.roundTime().toMillis() + " ms (W6, W6T: one stream of " + settings.streamRows() + " rows)");
        values.put("W5 rows per insert", Integer.toString(settings.insertRows()));
        values.put("concurrency cap", Integer.toString(settings.maxConcurrency()));
        values.put("rowflow coalescing", coalescing(settings.coalescing()));
        values.put("rowflow-uncoalesced coalescing", "off (Coalescing.disabled())");
        values.put("W6, W6T JVM", StreamingFork.MAX_HEAP + ", default GC");
        values.put("duration", took.toMinutes() + " min " + took.toSecondsPart() + " s");
        return values;
    }

    private static String coalescing(Coalescing coalescing) {
        return "up to " + coalescing.maxInFlight() + " lookup statements in flight per entity, then batches of up to "
                + coalescing.maxBatchSize() + " keys" + (coalescing.equals(Coalescing.defaults()) ? " (Coalescing.defaults())" : "");
    }

    private static String subtitle(RunReport report) {
        return report.machine().get("cores") + " cores, " + report.machine().get("database") + ", "
                + report.machine().get("jvm") + ", " + report.settings().get("mode") + " run of " + report.machine().get("date");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "?" : version;
    }

    /** The URL without a password. */
    static String redacted(String url) {
        return url.replaceAll("(://[^:/@]+):[^@]*@", "$1:***@");
    }

    private static final long START = System.nanoTime();

    private static void log(String message) {
        System.out.printf(Locale.ROOT, "[bench %5.1f s] %s%n", (System.nanoTime() - START) / 1e9, message);
    }
}
