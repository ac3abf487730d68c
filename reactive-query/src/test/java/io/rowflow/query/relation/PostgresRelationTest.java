package io.rowflow.query.relation;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.relation.Author_.AUTHOR;
import static io.rowflow.query.relation.Book_.BOOK;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;
import org.junit.jupiter.api.Test;

/** The relationship suite on the real PostgreSQL server, plus the SQL shapes docs/relationships.md shows. */
class PostgresRelationTest extends RelationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Test
    void followUpQueriesBindTheKeysOfABatchAsOneArray() {
        library(300, 2, 1);

        db.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc()).with(AUTHOR.books.then(BOOK.reviews), AUTHOR.books))
                .then().block(TIMEOUT);

        assertThat(counting.executedSql()).first().isEqualTo(
                "SELECT t0.\"id\", t0.\"name\" FROM \"rel_author\" t0 ORDER BY t0.\"name\"");
        assertThat(counting.executedSql()).contains(
                "SELECT t0.\"id\", t0.\"title\", t0.\"year\", t0.\"author_id\" FROM \"rel_book\" t0 "
                        + "WHERE t0.\"author_id\" = ANY($1) ORDER BY t0.\"id\"",
                "SELECT t0.\"id\", t0.\"stars\", t0.\"book_id\" FROM \"rel_review\" t0 "
                        + "WHERE t0.\"book_id\" = ANY($1) ORDER BY t0.\"id\"");
        assertThat(counting.statements()).as("1 parent query + 2 batches x (books, reviews, books again)").isEqualTo(7);
    }
}
