package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.TransactionOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rowflow.fixtures.observe.Poem;
import io.rowflow.observe.micrometer.ReplicaMeters;
import io.rowflow.fixtures.observe.Writer;
import io.rowflow.replica.Replica;
import io.rowflow.replica.ReplicaPositions;
import io.rowflow.replica.ReplicaRouting;
import io.rowflow.replica.ReplicaSelector;
import io.rowflow.replica.ReplicaState;
import io.rowflow.replica.RoutingStatistics;
import io.rowflow.sql.FetchPlan;
import io.rowflow.test.Await;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Read/write routing through {@link ReplicaRouting}, on any database: the "replica" is a second
 * schema (a second database on MariaDB, a second in-memory database on H2) holding the same
 * tables with different rows, so every result shows which server answered. Replication itself and
 * read-your-writes are PostgreSQL's and proven on a real standby by {@code PostgresReplicaTest}.
 */
public abstract class ReplicaRoutingContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int WRITERS = 20;
    /** A server nobody listens on: a replica that is down. */
    private static final String DOWN_URL = "r2dbc:postgresql://postgres@127.0.0.1:1/test";

    private ConnectionPool primaryPool;
    private ConnectionPool replicaPool;
    private Database primary;
    private Database replica;
    private ReplicaRouting routing;
    private Database db;

    /** The primary's namespace, unpooled. */
    protected abstract ConnectionFactory primaryFactory();

    /** Another namespace on the same kind of database, standing in for a replica, unpooled. */
    protected abstract ConnectionFactory replicaFactory();

    /** Whether concurrent lookups reliably overlap on this driver (not on synchronous H2). */
    protected boolean lookupsOverlap() {
        return true;
    }

    @BeforeEach
    void createBothSides() {
        primaryPool = TestDatabases.pooled(primaryFactory(), 8);
        replicaPool = TestDatabases.pooled(replicaFactory(), 8);
        primary = Database.create(primaryPool);
        replica = Database.create(replicaPool);
        fill(primary, "primary");
        fill(replica, "replica");
        routing = routing(ReplicaRouting.builder(primaryPool).replica("replica-1", replicaPool));
        db = Database.builder(primaryPool).connectionProvider(routing).build();
    }

    private static ReplicaRouting routing(ReplicaRouting.Builder builder) {
        return builder.positions(ReplicaPositions.none()).healthCheckInterval(Duration.ofMinutes(10)).build();
    }

    private static void fill(Database side, String name) {
        side.schema().dropIfExists(Writer.class, Poem.class).then(side.schema().create(Writer.class, Poem.class))
                .thenMany(side.insertAll(IntStream.rangeClosed(1, WRITERS).mapToObj(i -> Writer.named(name + " " + i)).toList()))
                .collectList()
                .flatMapMany(writers -> side.insertAll(writers.stream()
                        .map(writer -> new Poem(null, name + " poem of " + writer.id(), Ref.to(writer.id()))).toList()))
                .blockLast(TIMEOUT);
    }

    @AfterEach
    void closeAll() {
        routing.close();
        Await.until("every connection released", Duration.ofSeconds(10),
                () -> idle(primaryPool) && idle(replicaPool));
        primaryPool.disposeLater().block(TIMEOUT);
        replicaPool.disposeLater().block(TIMEOUT);
    }

    private static boolean idle(ConnectionPool pool) {
        return pool.getMetrics().map(metrics -> metrics.acquiredSize() == 0).orElse(true);
    }

    @Test
    void readsGoToTheReplicaAndWritesToThePrimary() {
        assertThat(db.findById(Writer.class, 3L).block(TIMEOUT).name()).isEqualTo("replica 3");
        assertThat(db.count(Writer.class).block(TIMEOUT)).isEqualTo(WRITERS);

        Writer added = db.insert(Writer.named("added")).block(TIMEOUT);
        db.update(new Writer(1L, "primary 1 renamed", null)).block(TIMEOUT);

        assertThat(primary.findById(Writer.class, added.id()).block(TIMEOUT).name()).isEqualTo("added");
        assertThat(primary.findById(Writer.class, 1L).block(TIMEOUT).name()).isEqualTo("primary 1 renamed");
        assertThat(replica.findById(Writer.class, added.id()).block(TIMEOUT)).as("not written to the replica").isNull();
        assertThat(replica.findById(Writer.class, 1L).block(TIMEOUT).name()).isEqualTo("replica 1");
        RoutingStatistics statistics = routing.statistics();
        assertThat(statistics.writes()).isEqualTo(2);
        assertThat(statistics.replicaReads()).isEqualTo(2);
        assertThat(statistics.primaryReads()).isZero();
    }

    @Test
    void readOnlyTransactionsUseTheReplicaAndReadWriteTransactionsThePrimary() {
        assertThat(db.inTransaction(TransactionOptions.readOnlyTransaction(), tx -> db.findById(Writer.class, 2L))
                .single().block(TIMEOUT).name()).isEqualTo("replica 2");
        assertThat(db.inTransaction(tx -> db.findById(Writer.class, 2L)).single().block(TIMEOUT).name())
                .as("a read inside a read-write transaction reads the primary").isEqualTo("primary 2");
        assertThat(db.inTransaction(tx -> db.insert(Writer.named("in tx")).then(db.count(Writer.class))).single().block(TIMEOUT))
                .isEqualTo(WRITERS + 1);
        assertThat(primary.count(Writer.class).block(TIMEOUT)).isEqualTo(WRITERS + 1);
    }

    @Test
    void eachOperationCanBeRoutedTheOtherWay() {
        assertThat(db.findById(Writer.class, 4L).contextWrite(ReplicaRouting.onPrimary()).block(TIMEOUT).name())
                .isEqualTo("primary 4");
        String sql = "SELECT name FROM obs_writer WHERE id = 5";
        assertThat(db.sql(sql).map(row -> row.get(0, String.class)).fetchOne().block(TIMEOUT))
                .as("raw SQL may write, so it goes to the primary").isEqualTo("primary 5");
        assertThat(db.sql(sql).map(row -> row.get(0, String.class)).fetchOne().contextWrite(ReplicaRouting.onReplica()).block(TIMEOUT))
                .isEqualTo("replica 5");
        assertThat(routing.statistics().primaryReads()).isEqualTo(1);
    }

    @Test
    void coalescedLookupsAndRelationshipFollowUpsReadTheReplica() {
        int requests = 400;
        List<Writer> found = Flux.range(0, requests)
                .flatMapSequential(i -> db.findById(Writer.class, (long) (i % WRITERS + 1)), 64)
                .collectList().block(TIMEOUT);
        assertThat(found).extracting(Writer::name)
                .containsExactlyElementsOf(IntStream.range(0, requests).mapToObj(i -> "replica " + (i % WRITERS + 1)).toList());
        if (lookupsOverlap()) {
            assertThat(db.coalescingStatistics().lookups().batches()).as("lookups were coalesced").isPositive();
        }

        List<Writer> withPoems = db.findAll(Writer.class, FetchPlan.of("poems")).collectList().block(TIMEOUT);
        assertThat(withPoems).hasSize(WRITERS).allSatisfy(writer -> assertThat(writer.poems()).singleElement()
                .satisfies(poem -> assertThat(poem.title()).isEqualTo("replica poem of " + writer.id())));
        List<Poem> poems = db.findAll(Poem.class, FetchPlan.of("writer")).collectList().block(TIMEOUT);
        assertThat(poems).hasSize(WRITERS).allSatisfy(poem -> assertThat(poem.writer().get().name()).startsWith("replica "));
        RoutingStatistics statistics = routing.statistics();
        assertThat(statistics.primaryReads()).as("no read went to the primary").isZero();
        assertThat(statistics.replicaReads()).isPositive();
    }

    @Test
    void roundRobinAndLeastBusySpreadReadsOverReplicas() {
        for (ReplicaSelector selector : List.of(ReplicaSelector.roundRobin(), ReplicaSelector.leastBusy())) {
            ReplicaRouting two = routing(ReplicaRouting.builder(primaryPool).selector(selector)
                    .replica("a", replicaPool).replica("b", replicaPool));
            try {
                Database spread = Database.builder(primaryPool).connectionProvider(two).coalescing(io.rowflow.Coalescing.disabled()).build();
                Flux.range(1, 100).concatMap(i -> spread.findById(Writer.class, (long) (i % WRITERS + 1))).blockLast(TIMEOUT);
                List<Long> reads = two.replicas().stream().map(Replica::reads).toList();
                assertThat(reads.get(0) + reads.get(1)).isEqualTo(100);
                if (selector != ReplicaSelector.leastBusy()) {
                    assertThat(reads).as("round robin").containsExactly(50L, 50L);
                }
            } finally {
                two.close();
            }
        }
    }

    @Test
    void aReplicaThatIsDownOrRemovedIsSkipped() {
        ReplicaRouting withDown = routing(ReplicaRouting.builder(primaryPool).replica("down", ConnectionFactories.get(DOWN_URL)));
        try {
            Database reads = Database.builder(primaryPool).connectionProvider(withDown).build();
            assertThat(reads.findById(Writer.class, 6L).block(TIMEOUT).name()).isEqualTo("primary 6");
            assertThat(withDown.replicas()).singleElement().extracting(Replica::state).isEqualTo(ReplicaState.DOWN);
            assertThat(reads.findById(Writer.class, 7L).block(TIMEOUT).name()).isEqualTo("primary 7");
            assertThat(withDown.statistics().fallbacksReplicaFailed()).isEqualTo(1);
            assertThat(withDown.statistics().fallbacksNoReplica()).as("skipped once down").isEqualTo(1);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new ReplicaMeters(withDown).bindTo(registry);
            assertThat(registry.get("rowflow.routing.fallbacks").tag("reason", "replica-failed").functionCounter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("rowflow.routing.fallbacks").tag("reason", "no-replica").functionCounter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("rowflow.routing.operations").tags("server", "primary", "access", "read")
                    .functionCounter().count()).isEqualTo(2.0);
            assertThat(registry.get("rowflow.replica.up").tag("replica", "down").gauge().value()).isZero();
        } finally {
            withDown.close();
        }

        assertThat(db.findById(Writer.class, 8L).block(TIMEOUT).name()).isEqualTo("replica 8");
        assertThat(routing.removeReplica("replica-1")).isTrue();
        assertThat(db.findById(Writer.class, 8L).block(TIMEOUT).name()).isEqualTo("primary 8");
        assertThat(routing.replicas()).isEmpty();
        assertThat(routing.statistics().fallbacksNoReplica()).isEqualTo(1);
    }

    @Test
    void aPrimaryThatIsDownIsATypedErrorAndReadsStillWork() {
        ConnectionFactory down = ConnectionFactories.get(DOWN_URL);
        ReplicaRouting noPrimary = routing(ReplicaRouting.builder(down).replica("replica-1", replicaPool));
        try {
            Database broken = Database.builder(primaryPool).connectionProvider(new PrimaryElsewhere(noPrimary, down)).build();
            assertThat(broken.findById(Writer.class, 9L).block(TIMEOUT).name()).isEqualTo("replica 9");
            assertThatThrownBy(() -> broken.insert(Writer.named("lost")).block(TIMEOUT))
                    .isInstanceOfSatisfying(DataAccessException.class, error -> assertThat(error.isTransient()).isTrue())
                    .hasMessageContaining("Could not obtain a connection to the primary for INSERT of Writer");
            assertThat(replica.count(Writer.class).block(TIMEOUT)).as("nothing written to the replica").isEqualTo(WRITERS);
        } finally {
            noPrimary.close();
        }
    }

    /** Routing whose primary connections come from another factory than the database's (one that is down). */
    private record PrimaryElsewhere(ReplicaRouting routing, ConnectionFactory primary) implements io.rowflow.ConnectionProvider {
        @Override
        public org.reactivestreams.Publisher<? extends io.r2dbc.spi.Connection> acquire(ConnectionFactory factory) {
            return routing.acquire(primary);
        }

        @Override
        public org.reactivestreams.Publisher<? extends io.r2dbc.spi.Connection> acquire(ConnectionFactory factory,
                                                                                       io.rowflow.observe.Operation operation) {
            return routing.acquire(primary, operation);
        }

        @Override
        public org.reactivestreams.Publisher<Void> release(io.r2dbc.spi.Connection connection, ConnectionFactory factory) {
            return routing.release(connection, primary);
        }

        @Override
        public boolean retriesLostReads() {
            return true;
        }
    }
}
