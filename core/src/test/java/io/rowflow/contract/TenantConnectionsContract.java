package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.TenantConnections;
import io.rowflow.TenantException;
import io.rowflow.fixtures.tenancy.Note;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Schema-per-tenant (a database per tenant on MariaDB) through {@link TenantConnections#perSchema}:
 * the same table in four schemas, each tenant reads and writes only its own, concurrent lookups of
 * four tenants are coalesced per tenant, and a missing tenant is an error.
 */
public abstract class TenantConnectionsContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> TENANTS = List.of("a", "b", "c", "d");
    private static final int NOTES = 20;

    private CountingConnectionFactory counting;
    private ConnectionPool pool;
    private Database setup;
    private Database db;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    /** The statement creating a schema (a database on MariaDB) if it is missing. */
    protected String createSchema(String name) {
        return "CREATE SCHEMA IF NOT EXISTS " + name;
    }

    /** Whether concurrent lookups reliably overlap on this driver (not on synchronous H2). */
    protected boolean lookupsOverlap() {
        return true;
    }

    private static String schemaOf(Object tenant) {
        return "rf_tenant_" + tenant;
    }

    @BeforeEach
    void createSchemas() {
        counting = new CountingConnectionFactory(connectionFactory());
        pool = TestDatabases.pooled(counting, 4);
        setup = Database.create(pool);
        Flux.fromIterable(TENANTS).concatMap(tenant -> Flux.just(createSchema(schemaOf(tenant)),
                        "DROP TABLE IF EXISTS " + schemaOf(tenant) + ".rt_note",
                        "CREATE TABLE " + schemaOf(tenant) + ".rt_note (id INTEGER NOT NULL PRIMARY KEY, body VARCHAR(40) NOT NULL)",
                        "INSERT INTO " + schemaOf(tenant) + ".rt_note VALUES " + String.join(", ", IntStream.rangeClosed(1, NOTES)
                                .mapToObj(i -> "(" + i + ", '" + tenant + " " + i + "')").toList()))
                .concatMap(statement -> setup.sql(statement).execute()))
                .blockLast(TIMEOUT);
        db = Database.builder(pool)
                .connectionProvider(TenantConnections.perSchema(context -> context.getOrDefault("tenant", null),
                        TenantConnectionsContract::schemaOf, setup.dialect()))
                .build();
        counting.reset();
    }

    @AfterEach
    void closePool() {
        io.rowflow.test.Await.until("every connection released", Duration.ofSeconds(10),
                () -> pool.getMetrics().map(metrics -> metrics.acquiredSize() == 0).orElse(true));
        pool.disposeLater().block(TIMEOUT);
    }

    private static <T> Mono<T> as(String tenant, Mono<T> work) {
        return work.contextWrite(Context.of("tenant", tenant));
    }

    @Test
    void eachTenantReadsAndWritesItsOwnSchema() {
        assertThat(as("a", db.findById(Note.class, 1)).block(TIMEOUT).body()).isEqualTo("a 1");
        assertThat(as("b", db.findById(Note.class, 1)).block(TIMEOUT).body()).isEqualTo("b 1");
        assertThat(as("c", db.insert(new Note(100, "only c's"))).block(TIMEOUT).id()).isEqualTo(100);
        assertThat(as("d", db.insert(new Note(100, "only d's"))).block(TIMEOUT).id()).as("same id, another schema").isEqualTo(100);
        assertThat(as("c", db.count(Note.class)).block(TIMEOUT)).isEqualTo(NOTES + 1);
        assertThat(as("a", db.count(Note.class)).block(TIMEOUT)).isEqualTo(NOTES);
        assertThat(as("d", db.findById(Note.class, 100)).block(TIMEOUT).body()).isEqualTo("only d's");
        assertThat(as("b", db.deleteById(Note.class, 100)).block(TIMEOUT)).isFalse();
        assertThat(as("b", db.inTransaction(tx -> db.update(new Note(2, "b changed"))).single()).block(TIMEOUT).body())
                .isEqualTo("b changed");
        assertThat(as("a", db.findById(Note.class, 2)).block(TIMEOUT).body()).isEqualTo("a 2");
    }

    @Test
    void concurrentLookupsOfFourTenantsAreCoalescedPerTenant() {
        int requests = 2_000;
        List<Note> found = Flux.range(0, requests)
                .flatMapSequential(i -> as(TENANTS.get(i % 4), db.findById(Note.class, i % NOTES + 1)), 64)
                .collectList().block(TIMEOUT);

        assertThat(found).hasSize(requests);
        for (int i = 0; i < requests; i++) {
            assertThat(found.get(i).body()).isEqualTo(TENANTS.get(i % 4) + " " + (i % NOTES + 1));
        }
        if (lookupsOverlap()) {
            assertThat(db.coalescingStatistics().lookups().statements()).as("batched per tenant").isLessThan(requests / 2);
        }
    }

    @Test
    void aMissingTenantIsAnError() {
        assertThatThrownBy(() -> db.findById(Note.class, 1).block(TIMEOUT)).isInstanceOf(TenantException.class)
                .hasMessageContaining("No tenant");
        assertThatThrownBy(() -> db.sql("SELECT 1").map(row -> 1).fetchOne().block(TIMEOUT)).isInstanceOf(TenantException.class);
    }
}
