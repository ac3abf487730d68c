package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.examples.docs.RelationshipSnippets;
import io.rowflow.examples.docs.ReplicaSnippets;
import io.rowflow.examples.relations.Writer;
import io.rowflow.replica.ReadYourWrites;
import io.rowflow.replica.ReplicaRouting;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the samples of docs/scale-out.md with three H2 databases standing for a primary and two
 * replicas (each with its own rows, so results show who answered; real replication and
 * read-your-writes by WAL position are proven on PostgreSQL in core's PostgresReplicaTest).
 */
class ReplicaSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ReplicaRouting routing;
    private Database db;
    private Writer onPrimary;

    @BeforeEach
    void createDatabases() {
        ConnectionFactory primary = TestDatabases.h2();
        ConnectionFactory replica1 = TestDatabases.h2();
        ConnectionFactory replica2 = TestDatabases.h2();
        onPrimary = fill(primary, "on the primary");
        fill(replica1, "on a replica");
        fill(replica2, "on a replica");
        routing = ReplicaSnippets.routing(primary, replica1, replica2);
        db = ReplicaSnippets.database(primary, routing);
    }

    private static Writer fill(ConnectionFactory factory, String name) {
        Database side = Database.create(factory);
        RelationshipSnippets.createSchema(side).block(TIMEOUT);
        return side.insert(new Writer(null, name, java.util.List.of())).block(TIMEOUT);
    }

    @AfterEach
    void close() {
        routing.close();
    }

    @Test
    void readsGoToReplicasUnlessToldOtherwise() {
        assertThat(db.findById(Writer.class, onPrimary.id()).block(TIMEOUT).name()).isEqualTo("on a replica");
        assertThat(ReplicaSnippets.freshFromThePrimary(db, onPrimary.id()).block(TIMEOUT).name()).isEqualTo("on the primary");
        assertThat(ReplicaSnippets.reportOnAReplica(db).block(TIMEOUT)).isEqualTo(1);
        assertThat(ReplicaSnippets.report(routing)).startsWith("2 reads on replicas, 1 on the primary");
    }

    @Test
    void aWriteGoesToThePrimary() {
        Writer renamed = ReplicaSnippets.renameThenShow(db, ReadYourWrites.newSession(), onPrimary, "renamed").block(TIMEOUT);
        assertThat(renamed.name()).as("H2 has no WAL positions: the read goes to a replica").isEqualTo("on a replica");
        assertThat(ReplicaSnippets.freshFromThePrimary(db, onPrimary.id()).block(TIMEOUT).name()).isEqualTo("renamed");
    }
}
