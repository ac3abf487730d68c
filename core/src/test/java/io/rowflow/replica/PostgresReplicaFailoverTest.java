package io.rowflow.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.rowflow.Database;
import io.rowflow.fixtures.Counter;
import io.rowflow.test.Await;
import io.rowflow.test.ReplicaControl;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The standby stopped and started again under load: 64 concurrent users, each with its own
 * read-your-writes session and its own row, write (on the primary) and read back three times (on
 * the standby when it is up and has replayed the write) for at least 30 seconds. The standby is
 * stopped after 6 s and started again 6 s after it was seen down, and the load goes on for at least
 * 6 s after it takes reads again. No request may fail, and every read must return the value its
 * session wrote last. The standby is always left running.
 */
class PostgresReplicaFailoverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int USERS = 64;
    private static final Duration RUN = Duration.ofSeconds(30);
    private static final int READS_PER_WRITE = 3;

    private ConnectionPool primaryPool;
    private ConnectionPool replicaPool;
    private ReplicaRouting routing;
    private Database db;

    @BeforeEach
    void createRows() {
        primaryPool = TestDatabases.pooled(TestDatabases.postgres(getClass()), 16);
        replicaPool = TestDatabases.pooled(TestDatabases.postgresReplica(getClass()), 16);
        Database primary = Database.create(primaryPool);
        primary.schema().dropIfExists(Counter.class).then(primary.schema().create(Counter.class))
                .thenMany(primary.insertAll(IntStream.range(0, USERS).mapToObj(i -> new Counter("user-" + i, 0, null)).toList()))
                .blockLast(TIMEOUT);
        ReplicaControl.awaitReplayed();
        routing = ReplicaRouting.builder(primaryPool).replica("standby", replicaPool)
                .healthCheckInterval(Duration.ofMillis(200)).build();
        db = Database.builder(primaryPool).connectionProvider(routing).build();
    }

    @AfterEach
    void close() {
        ReplicaControl.start();
        routing.close();
        Await.until("every connection released", Duration.ofSeconds(10), () -> idle(primaryPool) && idle(replicaPool));
        primaryPool.disposeLater().block(TIMEOUT);
        replicaPool.disposeLater().block(TIMEOUT);
    }

    private static boolean idle(ConnectionPool pool) {
        return pool.getMetrics().map(metrics -> metrics.acquiredSize() == 0).orElse(true);
    }

    @Test
    void sixtyFourUsersNeverFailNorReadStaleDataWhileTheStandbyStopsAndStarts() {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Queue<String> stale = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        long start = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        Disposable load = Flux.range(0, USERS)
                .flatMap(user -> user(user, stop, requests, failures, stale), USERS)
                .subscribe();
        try {
            Await.pause(Duration.ofSeconds(6));
            long replicaReadsBeforeStop = routing.statistics().replicaReads();
            ReplicaControl.stop();
            Await.until("the standby is seen down", Duration.ofSeconds(10),
                    () -> routing.replicas().get(0).state() == ReplicaState.DOWN);
            Await.pause(Duration.ofSeconds(6));
            long replicaReadsWhileDown = routing.statistics().replicaReads();
            ReplicaControl.start();
            Await.until("the standby takes reads again", Duration.ofSeconds(20),
                    () -> routing.replicas().get(0).state() == ReplicaState.UP);
            long replicaReadsAfterRestart = routing.statistics().replicaReads();
            Await.pause(Duration.ofSeconds(6));
            Await.until("30 seconds of load", RUN, () -> System.nanoTime() - start > RUN.toNanos());
            stop.set(true);
            Await.until("the load ends", TIMEOUT, load::isDisposed);

            RoutingStatistics statistics = routing.statistics();
            System.out.printf("replica failover under load: %d requests, %s%n", requests.get(), statistics);
            assertThat(failures).as("failed requests").isEmpty();
            assertThat(stale).as("reads that missed their session's last write").isEmpty();
            assertThat(replicaReadsBeforeStop).as("the standby served reads before it stopped").isPositive();
            assertThat(statistics.replicaReads() - replicaReadsAfterRestart).as("and after it started again").isPositive();
            assertThat(replicaReadsAfterRestart - replicaReadsWhileDown).isGreaterThanOrEqualTo(0);
            assertThat(statistics.fallbacksNoReplica() + statistics.fallbacksReplicaFailed())
                    .as("reads went to the primary while it was down").isPositive();
            assertThat(requests.get()).isGreaterThan(USERS * 10L);
        } finally {
            load.dispose();
        }
    }

    /** One user: until told to stop, increments its counter and reads it back in its own session. */
    private Mono<Void> user(int user, AtomicBoolean stop, AtomicLong requests, Queue<Throwable> failures, Queue<String> stale) {
        ReadYourWrites session = ReadYourWrites.newSession();
        String name = "user-" + user;
        return db.findById(Counter.class, name).contextWrite(ReplicaRouting.onPrimary())
                .expand(counter -> stop.get() ? Mono.empty()
                        : db.update(counter.withHits(counter.hits() + 1))
                        .flatMap(written -> db.findById(Counter.class, name).repeat(READS_PER_WRITE - 1)
                                .doOnNext(read -> {
                                    if (read.hits() != written.hits()) {
                                        stale.add(name + " wrote " + written.hits() + " but read " + read.hits());
                                    }
                                })
                                .count()
                                .map(reads -> {
                                    if (reads != READS_PER_WRITE) {
                                        stale.add(name + " found its row " + reads + " times, not " + READS_PER_WRITE);
                                    }
                                    return written;
                                }))
                        .doOnSuccess(ignored -> requests.addAndGet(1 + READS_PER_WRITE))
                        .onErrorResume(error -> {
                            failures.add(error);
                            return Mono.empty();
                        })
                        .contextWrite(session.context()))
                .then();
    }
}
