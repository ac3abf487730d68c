package io.rowflow.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.TransactionOptions;
import io.rowflow.fixtures.Counter;
import io.rowflow.test.Await;
import io.rowflow.test.ReplicaControl;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routing over a real PostgreSQL streaming standby ({@code scripts/postgres-replica.sh}): reads
 * reach the standby, read-your-writes holds with replay paused (the read waits, then goes to the
 * primary, never returns stale data) and uses the standby again once replay resumes, the lag bound
 * takes a standby that falls behind out of the routing and back, and a write sent to the standby
 * fails with a typed error. Every test that pauses replay resumes it in {@code finally}.
 */
class PostgresReplicaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ConnectionPool primaryPool;
    private ConnectionPool replicaPool;
    private Database primary;
    private final ReadYourWrites session = ReadYourWrites.newSession();
    private ReplicaRouting routing;
    private Database db;

    @BeforeEach
    void createTable() {
        primaryPool = TestDatabases.pooled(TestDatabases.postgres(getClass()), 8);
        replicaPool = TestDatabases.pooled(TestDatabases.postgresReplica(getClass()), 8);
        primary = Database.create(primaryPool);
        primary.schema().dropIfExists(Counter.class).then(primary.schema().create(Counter.class)).block(TIMEOUT);
        ReplicaControl.awaitReplayed();
        routing = ReplicaRouting.builder(primaryPool).replica("standby", replicaPool)
                .healthCheckInterval(Duration.ofMinutes(10))
                .build();
        db = Database.builder(primaryPool).connectionProvider(routing).build();
    }

    @AfterEach
    void close() {
        ReplicaControl.resumeReplay();
        routing.close();
        Await.until("every connection released", Duration.ofSeconds(10), () -> idle(primaryPool) && idle(replicaPool));
        primaryPool.disposeLater().block(TIMEOUT);
        replicaPool.disposeLater().block(TIMEOUT);
    }

    private static boolean idle(ConnectionPool pool) {
        return pool.getMetrics().map(metrics -> metrics.acquiredSize() == 0).orElse(true);
    }

    private <T> Mono<T> inSession(Mono<T> work) {
        return work.contextWrite(session.context());
    }

    private Boolean inRecovery(Mono<Boolean> query) {
        return query.block(TIMEOUT);
    }

    private Mono<Boolean> recoveryQuery() {
        return db.sql("SELECT pg_is_in_recovery()").map(row -> row.get(0, Boolean.class)).fetchOne();
    }

    @Test
    void readsAndReadOnlyTransactionsRunOnTheStandbyAndTheRestOnThePrimary() {
        assertThat(inRecovery(recoveryQuery())).as("raw SQL goes to the primary").isFalse();
        assertThat(inRecovery(recoveryQuery().contextWrite(ReplicaRouting.onReplica()))).isTrue();
        assertThat(inRecovery(db.inTransaction(TransactionOptions.readOnlyTransaction(), tx -> recoveryQuery()).single()))
                .as("a read-only transaction runs on the standby").isTrue();
        assertThat(inRecovery(db.inTransaction(tx -> recoveryQuery()).single())).isFalse();

        inSession(db.insert(new Counter("a", 1, null))).block(TIMEOUT);
        assertThat(inSession(db.findById(Counter.class, "a")).block(TIMEOUT).hits()).isEqualTo(1);
        assertThat(routing.replicas()).singleElement().satisfies(standby -> {
            assertThat(standby.reads()).isEqualTo(3);
            assertThat(standby.replayedPosition()).isGreaterThanOrEqualTo(session.lastCommit());
        });
        assertThat(session.lastCommit()).as("the insert recorded the primary's WAL position").isPositive();
    }

    @Test
    void withReplayPausedAReadOfTheSessionNeverSeesStaleData() {
        Counter counter = inSession(db.insert(new Counter("a", 1, null))).block(TIMEOUT);
        assertThat(inSession(db.findById(Counter.class, "a")).block(TIMEOUT).hits()).isEqualTo(1);
        long behindBefore = routing.statistics().fallbacksBehind();
        ReplicaControl.pauseReplay();
        try {
            Counter updated = inSession(db.update(counter.withHits(2))).block(TIMEOUT);

            assertThat(db.findById(Counter.class, "a").block(TIMEOUT).hits())
                    .as("without the session the read sees the paused standby as it is").isEqualTo(1);
            assertThat(inSession(db.findById(Counter.class, "a")).block(TIMEOUT).hits())
                    .as("the session's read is never stale").isEqualTo(2);
            assertThat(inSession(db.findAll(Counter.class).collectList()).block(TIMEOUT))
                    .extracting(Counter::hits).containsExactly(2L);
            assertThat(routing.statistics().fallbacksBehind()).as("the standby did not catch up: the primary answered")
                    .isEqualTo(behindBefore + 2);

            ReadYourWrites other = ReadYourWrites.newSession();
            List<Long> mixed = Flux.range(0, 200)
                    .flatMapSequential(i -> db.findById(Counter.class, "a").map(Counter::hits)
                            .contextWrite(i % 2 == 0 ? session.context() : other.context()), 32)
                    .collectList().block(TIMEOUT);
            for (int i = 0; i < mixed.size(); i += 2) {
                assertThat(mixed.get(i)).as("read %d of the writing session, coalesced or not", i).isEqualTo(2L);
            }
            assertThat(updated.hits()).isEqualTo(2);
        } finally {
            ReplicaControl.resumeReplay();
        }
        long replicaReads = routing.statistics().replicaReads();
        long behind = routing.statistics().fallbacksBehind();
        Counter third = inSession(db.update(inSession(db.findById(Counter.class, "a")).block(TIMEOUT).withHits(3))).block(TIMEOUT);
        assertThat(inSession(db.findById(Counter.class, "a")).block(TIMEOUT).hits()).isEqualTo(third.hits());
        assertThat(routing.statistics().replicaReads()).as("with replay resumed the standby serves the session")
                .isGreaterThan(replicaReads);
        assertThat(routing.statistics().fallbacksBehind()).isLessThanOrEqualTo(behind + 1);
    }

    @Test
    void aStandbyLaggingPastTheBoundIsSkippedUntilItCatchesUp() {
        ReplicaRouting bounded = ReplicaRouting.builder(primaryPool).replica("standby", replicaPool)
                .maxLag(Duration.ofMillis(300)).healthCheckInterval(Duration.ofMillis(100)).build();
        try {
            Database reads = Database.builder(primaryPool).connectionProvider(bounded).build();
            primary.insert(new Counter("lag", 1, null)).block(TIMEOUT);
            ReplicaControl.awaitReplayed();
            Await.until("the standby is up", Duration.ofSeconds(10), () -> state(bounded) == ReplicaState.UP);
            ReplicaControl.pauseReplay();
            try {
                Flux.range(2, 5).concatMap(i -> primary.sql("UPDATE counter SET hits = hits + 1 WHERE name = 'lag'").execute()
                                .then(Mono.delay(Duration.ofMillis(50))))
                        .blockLast(TIMEOUT);
                Await.until("the standby is lagging", Duration.ofSeconds(10), () -> state(bounded) == ReplicaState.LAGGING);
                assertThat(bounded.replicas().get(0).lag()).isGreaterThan(Duration.ofMillis(300));
                long skipped = bounded.statistics().fallbacksNoReplica();
                assertThat(reads.findById(Counter.class, "lag").block(TIMEOUT).hits())
                        .as("read from the primary, not the lagging standby").isEqualTo(6);
                assertThat(bounded.statistics().fallbacksNoReplica()).isEqualTo(skipped + 1);
            } finally {
                ReplicaControl.resumeReplay();
            }
            Await.until("the standby caught up", Duration.ofSeconds(20), () -> state(bounded) == ReplicaState.UP);
            long onReplica = bounded.statistics().replicaReads();
            assertThat(reads.findById(Counter.class, "lag").block(TIMEOUT).hits()).isEqualTo(6);
            assertThat(bounded.statistics().replicaReads()).isEqualTo(onReplica + 1);
        } finally {
            bounded.close();
        }
    }

    private static ReplicaState state(ReplicaRouting routing) {
        return routing.replicas().get(0).state();
    }

    @Test
    void aWriteSentToTheStandbyFailsWithATypedError() {
        assertThatThrownBy(() -> db.insert(new Counter("refused", 1, null)).contextWrite(ReplicaRouting.onReplica()).block(TIMEOUT))
                .isInstanceOfSatisfying(DataAccessException.class, error -> {
                    assertThat(error.sqlState()).isEqualTo("25006");
                    assertThat(error.isTransient()).isFalse();
                })
                .hasMessageContaining("read-only transaction");
        assertThat(primary.findById(Counter.class, "refused").block(TIMEOUT)).isNull();
    }
}
