package io.rowflow.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.benchmarks.report.Latency;
import io.rowflow.benchmarks.rowflow.Author;
import io.rowflow.benchmarks.rowflow.Book;
import io.rowflow.benchmarks.rowflow.World;
import io.rowflow.replica.ReadYourWrites;
import io.rowflow.replica.ReplicaRouting;
import io.rowflow.replica.RoutingStatistics;
import java.io.IOException;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads through a streaming replica against reads from the primary only, both with Rowflow:
 * {@code primary-only} is a database over the primary's pool; {@code replicas} adds a
 * {@link ReplicaRouting} with the replica's pool of the same size; {@code standby-direct} reads the
 * standby's pool without routing (reads only), to tell the routing's cost from the standby's. Two workloads at 64 concurrent
 * requests: R1, one author with its books by id (W9: a lookup and a relationship follow-up); R2,
 * update one world row and read it back in the request's {@link ReadYourWrites} session. Rounds
 * are interleaved by contender; the report gives median throughput and merged p50/p99 latency.
 *
 * <pre>benchmarks/run.sh --replicas [--url PRIMARY_URL] [--replica-url REPLICA_URL] [--rounds N] [--round-time MS] [--out FILE]</pre>
 */
public final class ReplicaBenchmark {

    private static final int CONCURRENCY = 64;
    private static final int POOL_SIZE = 10;
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ROW = new java.util.concurrent.atomic.AtomicInteger();

    private ReplicaBenchmark() {
    }

    /** A contender: a database and, for the routed one, its routing. */
    private record Side(String name, Database db, boolean writes) {
    }

    /** One workload: a request over a database. */
    private record Work(String name, String title, boolean writes, Function<Database, Supplier<Mono<Long>>> request) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        String primaryUrl = options.getOrDefault("--url", Settings.DEFAULT_URL);
        String replicaUrl = options.getOrDefault("--replica-url", "r2dbc:postgresql://postgres@127.0.0.1:5433/test");
        String schema = options.getOrDefault("--schema", "rowflow_bench");
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
        Duration roundTime = Duration.ofMillis(Long.parseLong(options.getOrDefault("--round-time", "5000")));
        Path out = Path.of(options.getOrDefault("--out", "benchmarks/target/replica-results.md"));

        Fixture.prepare(primaryUrl, schema, 1_000);
        awaitReplayed(ConnectionFactories.get(primaryUrl), ConnectionFactories.get(replicaUrl));
        ConnectionPool primaryPool = Pools.create(Pools.counting(primaryUrl, schema), POOL_SIZE);
        ConnectionPool replicaPool = Pools.create(Pools.counting(replicaUrl, schema), POOL_SIZE);
        ReplicaRouting routing = ReplicaRouting.builder(primaryPool).replica("standby", replicaPool).build();
        List<Side> sides = List.of(new Side("primary-only", Database.create(primaryPool), true),
                new Side("replicas", Database.builder(primaryPool).connectionProvider(routing).build(), true),
                new Side("standby-direct", Database.create(replicaPool), false));
        List<Work> works = List.of(
                new Work("R1", "one author by id with its books (W9)", false, db -> () -> authorWithBooks(db)),
                new Work("R2", "update a row, then read it back in the request's session", true, db -> () -> writeThenRead(db)));
        StringBuilder report = new StringBuilder();
        report.append("Replica reads, ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(CONCURRENCY).append(" concurrent requests, pools of ").append(POOL_SIZE)
                .append(" connections per server, ").append(rounds).append(" measured rounds of ").append(roundTime.toMillis())
                .append(" ms per contender (after one warm-up round), interleaved\n\n")
                .append("| workload | contender | median requests/s | p50 ms | p99 ms |\n| --- | --- | ---: | ---: | ---: |\n");
        try {
            for (Work work : works) {
                List<Side> running = sides.stream().filter(side -> side.writes() || !work.writes()).toList();
                Map<String, List<Double>> throughputs = new LinkedHashMap<>();
                Map<String, LatencyHistogram> latencies = new LinkedHashMap<>();
                for (int round = -1; round < rounds; round++) {
                    for (int i = 0; i < running.size(); i++) {
                        Side side = running.get((i + Math.max(round, 0)) % running.size());
                        Measurement measurement = Measurement.run(work.request().apply(side.db()), CONCURRENCY, roundTime);
                        if (round >= 0) {
                            throughputs.computeIfAbsent(side.name(), name -> new ArrayList<>()).add(measurement.throughput(1));
                            latencies.computeIfAbsent(side.name(), name -> new LatencyHistogram()).add(measurement.latencies());
                        }
                    }
                }
                for (Side side : running) {
                    Latency latency = latencies.get(side.name()).summary();
                    String line = String.format(Locale.ROOT, "| %s %s | %s | %,.0f | %.2f | %.2f |%n", work.name(), work.title(),
                            side.name(), median(throughputs.get(side.name())), latency.p50Millis(), latency.p99Millis());
                    report.append(line);
                    System.out.print(line);
                }
            }
            RoutingStatistics statistics = routing.statistics();
            report.append("\nRouting of the `replicas` contender over the whole run: ").append(statistics).append('\n');
        } finally {
            routing.close();
            primaryPool.disposeLater().block(Duration.ofSeconds(30));
            replicaPool.disposeLater().block(Duration.ofSeconds(30));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.exit(0);
    }

    private static Mono<Long> authorWithBooks(Database db) {
        int id = 1 + ThreadLocalRandom.current().nextInt(Fixture.AUTHORS);
        return db.findById(Author.class, id, io.rowflow.benchmarks.rowflow.Author_.AUTHOR.books)
                .map(author -> (long) author.id() + author.books().stream().mapToLong(Book::id).sum());
    }

    private static Mono<Long> writeThenRead(Database db) {
        ReadYourWrites session = ReadYourWrites.newSession();
        int id = 1 + Math.floorMod(NEXT_ROW.getAndIncrement(), Fixture.WORLD_ROWS);   // no two requests in flight share a row
        int number = 1 + ThreadLocalRandom.current().nextInt(Fixture.WORLD_ROWS);
        return db.update(new World(id, number))
                .then(db.findById(World.class, id))
                .map(world -> {
                    if (world.randomNumber() != number) {
                        throw new IllegalStateException("Read " + world + " after writing " + number + ": not read-your-writes");
                    }
                    return (long) world.randomNumber();
                })
                .contextWrite(session.context());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Waits until the replica has replayed what the primary has written now (the fixture). */
    private static void awaitReplayed(ConnectionFactory primary, ConnectionFactory replica) {
        String written = text(primary, "SELECT pg_current_wal_lsn()::text");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!"true".equals(text(replica, "SELECT (pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn)::text"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The replica did not replay " + written + " within 2 minutes");
            }
            Mono.delay(Duration.ofMillis(200)).block();
        }
    }

    private static String text(ConnectionFactory factory, String sql) {
        return Mono.usingWhen(Mono.from(factory.create()),
                        connection -> Flux.from(connection.createStatement(sql).execute())
                                .concatMap(result -> result.map((row, metadata) -> String.valueOf(row.get(0)))).next(),
                        Connection::close)
                .block(Duration.ofSeconds(30));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
