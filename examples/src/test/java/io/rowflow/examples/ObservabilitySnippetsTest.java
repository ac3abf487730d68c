package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.examples.docs.ObservabilitySnippets;
import io.rowflow.observe.micrometer.RowflowObservation;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/observability.md on H2. */
class ObservabilitySnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ConnectionFactory factory;
    private Author author;

    @BeforeEach
    void createSchema() {
        factory = TestDatabases.h2();
        Database setup = Database.create(factory);
        setup.schema().dropIfExists(Book.class, Author.class).then(setup.schema().create(Author.class, Book.class))
                .block(TIMEOUT);
        author = setup.insert(Author.named("Ursula K. Le Guin", 1929)).block(TIMEOUT);
    }

    @Test
    void statementsAreObservedUnderTheParentObservation() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Database db = ObservabilitySnippets.observed(factory, registry);
        Observation request = Observation.start("request", registry);

        assertThat(ObservabilitySnippets.insideAnObservation(db, request, author.id()).block(TIMEOUT)).isEqualTo(author);
        request.stop();

        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo(RowflowObservation.STATEMENT).that()
                .hasContextualNameEqualTo("lookup Author")
                .hasParentObservationEqualTo(request)
                .hasLowCardinalityKeyValue(RowflowObservation.OUTCOME, "success");
    }

    @Test
    void theSlowStatementListenerReportsWhatEachStatementWasFor() {
        List<String> slow = new CopyOnWriteArrayList<>();
        Database db = ObservabilitySnippets.withSlowStatements(factory, Duration.ZERO, slow::add);

        db.count(Author.class).block(TIMEOUT);

        assertThat(slow).singleElement().asString().startsWith("COUNT class io.rowflow.examples.Author took ")
                .contains("demo_author");
    }

    @Test
    void readOnlyWorkGoesToTheReplica() {
        CountingConnectionFactory primary = new CountingConnectionFactory(factory);
        CountingConnectionFactory replica = new CountingConnectionFactory(factory);
        Database db = Database.builder(primary).connectionProvider(ObservabilitySnippets.readsTo(replica)).build();

        db.findById(Author.class, author.id()).block(TIMEOUT);
        db.insert(Author.named("Octavia E. Butler", 1947)).block(TIMEOUT);

        assertThat(replica.createdConnections()).isEqualTo(1);
        assertThat(primary.createdConnections()).isEqualTo(1);
    }
}
