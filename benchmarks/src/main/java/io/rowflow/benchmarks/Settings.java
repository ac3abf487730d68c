package io.rowflow.benchmarks;

import io.rowflow.Coalescing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to run and how long, from the command line:
 * {@code [--quick | --smoke] [--url R2DBC_URL] [--schema NAME] [--out DIR] [--pool-size N]
 * [--workloads W1,W5] [--contenders raw,rowflow] [--coalescing-in-flight N] [--coalescing-batch M]}.
 *
 * @param url            the PostgreSQL R2DBC URL
 * @param schema         the schema holding the benchmark tables
 * @param mode           full, quick or smoke
 * @param out            the results directory
 * @param poolSize       connections per contender's pool
 * @param workloads      the workloads to run
 * @param contenders     the contenders to run (raw is always included: it is the baseline; by default every
 *                       contender that can run here, see {@link Contenders#names()})
 * @param warmupRounds   unmeasured rounds per contender first
 * @param rounds         measured rounds per contender
 * @param roundTime      how long one round of an in-process workload runs
 * @param insertRows     rows per W5 insert
 * @param streamRows     rows W6 streams
 * @param maxConcurrency a cap on the workloads' concurrent requests (64 except in smoke runs)
 * @param coalescing     the lookup coalescing of the {@code rowflow} contender
 */
public record Settings(String url, String schema, String mode, Path out, int poolSize, Set<Workload> workloads,
                       List<String> contenders, int warmupRounds, int rounds, Duration roundTime, int insertRows,
                       int streamRows, int maxConcurrency, Coalescing coalescing) {

    /** The local PostgreSQL of the development machines and CI. */
    public static final String DEFAULT_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";

    /** The usage text. */
    public static final String USAGE = """
            usage: benchmarks/run.sh [--quick | --smoke] [--url R2DBC_URL] [--schema NAME] [--out DIR]
                                     [--pool-size N] [--workloads W1,W2,...,W11,L1,L64]
                                     [--contenders rowflow,spring-data,hibernate-reactive,jooq,jdbc,...]
                                     [--coalescing-in-flight N] [--coalescing-batch M]
                   benchmarks/run.sh --jmh [JMH options]
              (default)    full run: 2 warm-up + 7 measured rounds of 1.5 s per contender and workload (~11 min)
              --quick      1 warm-up + 3 measured rounds of 1 s (under 4 min)
              --smoke      tiny data, 50 ms rounds and pools of 2: checks the harness works (seconds)
              --url        PostgreSQL R2DBC URL (default %s)
              --schema     schema for the bench_* tables (default rowflow_bench)
              --out        results directory (default benchmarks/results/<timestamp>)
              --pool-size  connections per contender's pool (default 10; 2 with --smoke)
              --workloads  W1-W11 throughput (W5C, W6T too); L1, L64: W1's lookup timed per request at concurrency 1 and 64
              --contenders a subset (raw always runs: it is the baseline) of raw, rowflow, rowflow-uncoalesced,
                           rowflow-observed, spring-data, hibernate-reactive, jooq (needs JDK 25: run.sh), jdbc
              --coalescing-in-flight, --coalescing-batch
                           the rowflow contender's lookup statements in flight per entity before lookups
                           are gathered, and the most keys per gathered statement (default %d and %d,
                           Coalescing.defaults()); rowflow-uncoalesced always runs with coalescing off
            """.formatted(DEFAULT_URL, Coalescing.defaults().maxInFlight(), Coalescing.defaults().maxBatchSize());

    /** Parses the command line. */
    public static Settings parse(String[] args) {
        String url = DEFAULT_URL;
        String schema = "rowflow_bench";
        String mode = "full";
        Path out = null;
        Integer poolSize = null;
        Set<Workload> workloads = EnumSet.allOf(Workload.class);
        List<String> contenders = Contenders.names();
        int inFlight = Coalescing.defaults().maxInFlight();
        int batch = Coalescing.defaults().maxBatchSize();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> mode = "quick";
                case "--smoke" -> mode = "smoke";
                case "--full" -> mode = "full";
                case "--url" -> url = value(args, ++i, arg);
                case "--schema" -> schema = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--pool-size" -> poolSize = Integer.parseInt(value(args, ++i, arg));
                case "--workloads" -> {
                    workloads = EnumSet.noneOf(Workload.class);
                    for (String name : value(args, ++i, arg).split(",")) {
                        workloads.add(Workload.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
                    }
                }
                case "--contenders" -> {
                    List<String> chosen = new ArrayList<>(List.of(Contenders.BASELINE));
                    for (String name : value(args, ++i, arg).split(",")) {
                        if (!chosen.contains(name.trim())) {
                            Contenders.requireKnown(name.trim());
                            chosen.add(name.trim());
                        }
                    }
                    contenders = chosen;
                }
                case "--coalescing-in-flight" -> inFlight = Integer.parseInt(value(args, ++i, arg));
                case "--coalescing-batch" -> batch = Integer.parseInt(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--schema must be a plain lower-case identifier: " + schema);
        }
        if (out == null) {
            out = Path.of("benchmarks", "results", java.time.LocalDateTime.now().withNano(0).toString().replace(':', '-'));
        }
        Coalescing coalescing = new Coalescing(true, inFlight, batch);
        return switch (mode) {
            case "quick" -> new Settings(url, schema, mode, out, poolSize == null ? 10 : poolSize, workloads, contenders, 1, 3,
                    Duration.ofSeconds(1), 10_000, 1_000_000, 64, coalescing);
            case "smoke" -> new Settings(url, schema, mode, out, poolSize == null ? 2 : poolSize, workloads, contenders, 0, 1,
                    Duration.ofMillis(50), 200, 2_000, 4, coalescing);
            default -> new Settings(url, schema, mode, out, poolSize == null ? 10 : poolSize, workloads, contenders, 2, 7,
                    Duration.ofMillis(1_500), 10_000, 1_000_000, 64, coalescing);
        };
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
