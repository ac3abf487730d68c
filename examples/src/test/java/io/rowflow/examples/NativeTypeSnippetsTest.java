package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.examples.docs.NativeTypeSnippets;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The samples of {@code docs/native-types.md}, on PostgreSQL with its own enum type. */
class NativeTypeSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Database db;

    @BeforeEach
    void createSchema() {
        db = Database.create(TestDatabases.postgres(getClass()));
        db.sql("drop table if exists film").execute().block(TIMEOUT);
        db.sql("drop type if exists mpaa_rating cascade").execute().block(TIMEOUT);
        NativeTypeSnippets.FILM_SCHEMA.forEach(statement -> db.sql(statement).execute().block(TIMEOUT));
    }

    @Test
    void enumLabelsAreWrittenQueriedUpdatedAndBoundInRawSql() {
        NativeTypeSnippets.insertFilms(db).then().block(TIMEOUT);

        assertThat(NativeTypeSnippets.filmsForTeenagers(db).map(Film::title).collectList().block(TIMEOUT))
                .containsExactly("Jaws");
        assertThat(NativeTypeSnippets.titleRatedByRawSql(db).block(TIMEOUT)).isEqualTo("Crash");
        assertThat(db.findById(Film.class, 2L).block(TIMEOUT).specialFeatures()).containsExactly("Commentary", null);
        assertThat(NativeTypeSnippets.rerate(db).block(TIMEOUT)).isEqualTo(1);
        assertThat(db.findById(Film.class, 2L).block(TIMEOUT).rating()).isEqualTo(Rating.R);
        assertThat(Arrays.asList(Rating.values())).hasSize(5);
    }
}
