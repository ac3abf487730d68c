package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.examples.docs.MappingSnippets;
import io.rowflow.examples.legacy.Catalogue;
import io.rowflow.examples.legacy.CatalogueFilm;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/mapping-in-code.md on H2. */
class MappingSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Database db;

    @BeforeEach
    void createSchema() {
        db = MappingSnippets.database(TestDatabases.h2());
        MappingSnippets.createSchema(db).block(TIMEOUT);
        db.insert(new Catalogue("NOIR", "Film noir")).block(TIMEOUT);
        db.insertAll(List.of(new CatalogueFilm(null, "The Third Man", 1949, null, Ref.to("NOIR")),
                new CatalogueFilm(null, "Double Indemnity", 1944, null, Ref.to("NOIR")))).blockLast(TIMEOUT);
    }

    @Test
    void codeMappedRecordsLoadTheirRelationship() {
        assertThat(MappingSnippets.withTheirCatalogue(db).map(film -> film.catalogue().get().title()).collectList()
                .block(TIMEOUT)).containsExactly("Film noir", "Film noir");
    }

    @Test
    void handWrittenPathsQueryThem() {
        assertThat(MappingSnippets.namesAfter(db, 1945).collectList().block(TIMEOUT)).containsExactly("The Third Man");
    }
}
