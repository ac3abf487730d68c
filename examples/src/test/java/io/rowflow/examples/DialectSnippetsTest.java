package io.rowflow.examples;

import static io.rowflow.examples.Author_.AUTHOR;
import static io.rowflow.examples.relations.Writer_.WRITER;
import static io.rowflow.query.Queries.select;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.examples.docs.DialectSnippets;
import io.rowflow.examples.docs.LedgerDialect;
import io.rowflow.examples.relations.Novel;
import io.rowflow.examples.relations.Review;
import io.rowflow.examples.relations.Subject;
import io.rowflow.examples.relations.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Runs the sample dialect of docs/dialects.md on embedded H2: a dialect written against the
 * public SPI alone is enough for CRUD, queries with emulated features and relationship loading,
 * and what it declares unsupported fails clearly.
 */
class DialectSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static int databases;

    private ConnectionFactory h2;
    private Database db;

    @BeforeEach
    void createDatabase() {
        h2 = ConnectionFactories.get("r2dbc:h2:mem:///dialect-snippets-" + (++databases)
                + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        db = DialectSnippets.alwaysLedger(h2);
        db.schema().create(Author.class, Writer.class, Novel.class, Review.class, Subject.class).block(TIMEOUT);
    }

    @Test
    void aRegisteredDialectIsChosenOnlyForItsDatabase() {
        assertThat(new LedgerDialect().matches("LedgerDB")).isTrue();
        assertThat(DialectSnippets.detectingLedger(h2).dialect().name()).isEqualTo("H2");
        assertThat(db.dialect().name()).isEqualTo("LedgerDB");
    }

    @Test
    void crudAndQueriesWorkWithEmulatedNullsOrdering() {
        db.insertAll(List.of(Author.named("Le Guin", 1929), new Author(null, "Anonymous", null), Author.named("Banks", 1954)))
                .blockLast(TIMEOUT);

        List<String> names = db.fetch(select(AUTHOR.name).orderBy(AUTHOR.born.desc().nullsLast())).collectList().block(TIMEOUT);

        assertThat(names).containsExactly("Banks", "Le Guin", "Anonymous");
        assertThat(db.toSql(select(AUTHOR.name).orderBy(AUTHOR.born.desc().nullsLast())))
                .endsWith("ORDER BY t0.\"born\" IS NULL, t0.\"born\" DESC");
    }

    @Test
    void relationshipsLoadThroughInListsOfTheDialectsChunkSize() {
        List<Writer> stored = db.insertAll(IntStream.range(0, 1_200).mapToObj(i -> new Writer(null, "writer " + i, List.of()))
                .toList()).collectList().block(TIMEOUT);
        db.insertAll(stored.stream().map(w -> new Novel(null, "novel " + w.name().substring("writer ".length()), 2000,
                Ref.to(w.id()), List.of(), Set.of())).toList()).blockLast(TIMEOUT);

        List<Writer> writers = db.fetch(select(WRITER).with(WRITER.novels).batchSize(1_200)).collectList().block(TIMEOUT);

        assertThat(writers).hasSize(1_200).allSatisfy(w -> assertThat(w.novels()).singleElement()
                .satisfies(n -> assertThat(n.title()).isEqualTo("novel " + w.name().substring("writer ".length()))));
    }

    @Test
    void whatTheDialectCannotDoFailsClearlyAndItsConventionsApply() {
        StepVerifier.create(db.upsert(new Author(1L, "Le Guin", 1929)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.rowflow.QueryException.class)
                        .hasMessageContaining("LedgerDB dialect cannot upsert")
                        .hasMessageContaining("LedgerDB has no upsert")
                        .hasCauseInstanceOf(UnsupportedOperationException.class))
                .verify(TIMEOUT);
        Long millis = db.sql("select cast(:duration as bigint)").bind("duration", Duration.ofSeconds(2))
                .mapTo(Long.class).fetchOne().block(TIMEOUT);
        assertThat(millis).isEqualTo(2_000L);
    }
}
