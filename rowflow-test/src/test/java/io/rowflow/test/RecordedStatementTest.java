package io.rowflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.observe.OperationKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes and tables of recorded statements: pure, no database. */
class RecordedStatementTest {

    private static RecordedStatement statement(String sql) {
        return new RecordedStatement(OperationKind.SQL, null, null, sql, false, false, 0);
    }

    @Test
    void statementsOfOneQueryWithDifferentMarkersShareAShape() {
        assertThat(statement("SELECT * FROM \"book\" WHERE \"id\" = $1").shape())
                .isEqualTo(statement("SELECT * FROM \"book\" WHERE \"id\" = ?").shape())
                .isEqualTo(statement("SELECT * FROM \"book\" WHERE \"id\" = :id").shape())
                .isEqualTo("SELECT * FROM \"book\" WHERE \"id\" = ?");
    }

    @Test
    void inListsAndMultiRowValuesOfAnyLengthShareAShape() {
        assertThat(statement("SELECT * FROM book WHERE id IN ($1, $2, $3)").shape())
                .isEqualTo(statement("SELECT * FROM book WHERE id IN (?, ?)").shape());
        assertThat(statement("INSERT INTO book (a, b) VALUES (?, ?), (?, ?), (?, ?)").shape())
                .isEqualTo(statement("INSERT INTO book (a, b) VALUES ($1, $2), ($3, $4)").shape())
                .isNotEqualTo(statement("INSERT INTO book (a, b, c) VALUES (?, ?, ?)").shape());
    }

    @Test
    void aQueryStreamedThroughACursorHasTheShapeOfTheQuery() {
        assertThat(statement("DECLARE rowflow_cursor_7 NO SCROLL CURSOR FOR SELECT * FROM book WHERE id = $1").shape())
                .isEqualTo("SELECT * FROM book WHERE id = ?");
    }

    @Test
    void theTableIsTheFirstOneNamedUnquotedAndWithoutSchema() {
        assertThat(statement("SELECT * FROM \"app\".\"Book\" b JOIN author a ON a.id = b.author_id").table()).isEqualTo("book");
        assertThat(statement("INSERT INTO `shop_book` (`id`) VALUES (?)").table()).isEqualTo("shop_book");
        assertThat(statement("UPDATE book SET price = ?").table()).isEqualTo("book");
        assertThat(statement("SELECT 1").table()).isNull();
    }

    @Test
    void repeatedShapesAreCountedPerShape() {
        RecordedStatements recorded = new RecordedStatements("loop", List.of(statement("SELECT * FROM book WHERE id = $1"),
                statement("SELECT * FROM book WHERE id = $1"), statement("SELECT * FROM author")));

        assertThat(recorded.shapesRepeatedMoreThan(1)).containsExactly(java.util.Map.entry("SELECT * FROM book WHERE id = ?", 2));
        assertThat(recorded.shapesRepeatedMoreThan(2)).isEmpty();
        assertThat(recorded.countsByTable()).containsEntry("book", 2).containsEntry("author", 1);
    }
}
