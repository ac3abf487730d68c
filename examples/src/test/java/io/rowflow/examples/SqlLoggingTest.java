package io.rowflow.examples;

import static io.rowflow.examples.Author_.AUTHOR;
import static io.rowflow.query.Queries.select;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Rowflow's SQL log on embedded H2: at DEBUG one line per statement once it ends, with its row
 * count and duration, and how it ended (a lookup that got its row completed; a stream its subscriber
 * stopped early was cancelled); bound values only at TRACE; nothing at INFO.
 */
class SqlLoggingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DURATION = "\\d+\\.\\d ms";

    private Database db;

    @BeforeEach
    void createDatabase() {
        db = Database.create(TestDatabases.h2());
        db.schema().create(Author.class).block(TIMEOUT);
        db.insertAll(List.of(Author.named("Ursula K. Le Guin", 1929), Author.named("Octavia E. Butler", 1947),
                Author.named("Iain M. Banks", 1954))).then().block(TIMEOUT);
    }

    @Test
    void debugLogsEachStatementWithItsRowCountAndDuration() {
        try (SqlLog log = SqlLog.record(Level.DEBUG)) {
            db.findAll(Author.class).then().block(TIMEOUT);
            db.count(Author.class).block(TIMEOUT);
            db.sql("update demo_author set born = born + 1 where born < :year").bind("year", 1950).execute().block(TIMEOUT);
            db.insert(Author.named("N. K. Jemisin", 1972)).block(TIMEOUT);

            assertThat(log.lines()).hasSize(4).satisfiesExactly(
                    all -> assertThat(all).matches("DEBUG SELECT .* FROM \"demo_author\".* -- 3 rows, " + DURATION),
                    count -> assertThat(count).matches("DEBUG SELECT COUNT\\(\\*\\) .* -- 1 row, " + DURATION),
                    update -> assertThat(update).matches("DEBUG update demo_author set born = born \\+ 1 where born < \\$1"
                            + " -- 2 rows, " + DURATION),
                    insert -> assertThat(insert).matches("DEBUG .*INSERT INTO \"demo_author\".* -- 1 row, " + DURATION));
        }
    }

    @Test
    void debugLogsLookupsThatGotTheirRowsAsCompletedNotCancelled() {
        long id = db.findAll(Author.class).blockFirst(TIMEOUT).id();
        try (SqlLog log = SqlLog.record(Level.DEBUG)) {
            db.findById(Author.class, id).block(TIMEOUT);
            db.existsById(Author.class, id).block(TIMEOUT);
            db.sql("select * from demo_author").mapTo(Author.class).fetchFirst().block(TIMEOUT);
            db.sql("select * from demo_author where born < :year").bind("year", 1940).mapTo(Author.class)
                    .fetchOne().block(TIMEOUT);
            db.fetchFirst(select(AUTHOR).orderBy(AUTHOR.born.asc())).block(TIMEOUT);
            db.exists(select(AUTHOR).where(AUTHOR.born.lt(1960))).block(TIMEOUT);

            assertThat(log.lines()).satisfiesExactly(
                    lookup -> assertThat(lookup).matches("DEBUG SELECT .* -- 1 row, " + DURATION),
                    exists -> assertThat(exists).matches("DEBUG SELECT 1 .* -- 1 row, " + DURATION),
                    first -> assertThat(first).matches("DEBUG select \\* from demo_author -- 1 row, " + DURATION),
                    one -> assertThat(one).matches("DEBUG select .* where born < \\$1 -- 1 row, " + DURATION),
                    query -> assertThat(query).matches("DEBUG SELECT .* LIMIT .* -- 1 row, " + DURATION),
                    exists -> assertThat(exists).matches("DEBUG SELECT 1 .* -- 1 row, " + DURATION));
        }
    }

    @Test
    void debugTellsACancelledStreamAndAFailedStatementApart() {
        try (SqlLog log = SqlLog.record(Level.DEBUG)) {
            db.findAll(Author.class).take(1).then().block(TIMEOUT);
            db.sql("select * from no_such_table").mapTo(Author.class).fetch()
                    .as(StepVerifier::create)
                    .expectError(DataAccessException.class)
                    .verify(TIMEOUT);

            assertThat(log.lines()).satisfiesExactly(
                    cancelled -> assertThat(cancelled).matches("DEBUG SELECT .* -- cancelled after 1 row, " + DURATION),
                    failed -> assertThat(failed).matches("DEBUG select \\* from no_such_table -- failed after " + DURATION
                            + ": DataAccessException"));
        }
    }

    @Test
    void boundValuesAppearOnlyAtTrace() {
        try (SqlLog log = SqlLog.record(Level.DEBUG)) {
            db.insert(Author.named("Secret Name", 1900)).block(TIMEOUT);
            assertThat(log.lines()).singleElement().asString().doesNotContain("Secret Name");
        }
        try (SqlLog log = SqlLog.record(Level.TRACE)) {
            db.insert(Author.named("Secret Name", 1901)).block(TIMEOUT);
            assertThat(log.lines()).hasSize(2).satisfiesExactly(
                    start -> assertThat(start).startsWith("TRACE ").contains("-- executing, binds [Secret Name, 1901]"),
                    end -> assertThat(end).startsWith("DEBUG ").matches(".* -- 1 row, " + DURATION));
        }
    }

    @Test
    void nothingIsLoggedAtInfo() {
        try (SqlLog log = SqlLog.record(Level.INFO)) {
            db.findAll(Author.class).then().block(TIMEOUT);
            assertThat(log.lines()).isEmpty();
        }
    }
}
