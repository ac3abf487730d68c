package io.rowflow.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.QueryException;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.fixtures.Book;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builders of the query model: what they render, what options travel beside a statement, what is refused. */
class StatementBuildersTest {

    private static final TableRef BOOK = new TableRef(Book.class, "book");
    private static final Predicate TITLED = new Predicate.Comparison(new Expression.Column(BOOK, "title"),
            Predicate.ComparisonOperator.EQ, new Expression.Value("Dune"));

    @Test
    void builderAndCopiesRenderTheSameStatement() {
        SelectStatement<Book> built = SelectStatement.builder(new Projection.Entity<>(BOOK, Book.class))
                .from(BOOK).where(TITLED).limit(5L).build();
        SelectStatement<Book> copied = SelectStatement.of(BOOK, Book.class).withWhere(TITLED).withLimit(5L);

        assertThat(SqlPreview.render(built, new PostgresDialect())).isEqualTo(SqlPreview.render(copied, new PostgresDialect()))
                .endsWith("WHERE t0.\"title\" = $1 LIMIT $2");
        assertThat(built).isEqualTo(copied);
        assertThat(built.toBuilder().limit(null).build()).isNotEqualTo(built);
    }

    @Test
    void andAddsConditionsToTheFilter() {
        Predicate cheap = new Predicate.Comparison(new Expression.Column(BOOK, "id"),
                Predicate.ComparisonOperator.LT, new Expression.Value(10L));
        SelectStatement<Book> both = SelectStatement.of(BOOK, Book.class).toBuilder().and(TITLED).and(cheap).build();

        assertThat(SqlPreview.render(both, new PostgresDialect())).endsWith("WHERE (t0.\"title\" = $1 AND t0.\"id\" < $2)");
    }

    @Test
    void optionsTravelBesideTheStatementNotInIt() {
        SelectStatement<Book> statement = SelectStatement.of(BOOK, Book.class);
        QueryOptions options = QueryOptions.defaults().withFetchSize(100).with(FetchPlan.of("author")).withBatchSize(50);
        Selectable<Book> run = statement.withOptions(options);

        assertThat(run.toStatement()).isSameAs(statement);
        assertThat(run.options().fetchSize()).isEqualTo(100);
        assertThat(run.options().batchSize()).isEqualTo(50);
        assertThat(run.options().fetchPlans()).containsExactly(FetchPlan.of("author"));
        assertThat(statement.options()).isEqualTo(QueryOptions.defaults());
        assertThatThrownBy(() -> QueryOptions.defaults().withFetchSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataChangesAreBuilt() {
        DataChangeStatement update = DataChangeStatement.update(BOOK).set("title", new Expression.Value("Dune Messiah"))
                .where(TITLED).build();
        DataChangeStatement delete = DataChangeStatement.delete(BOOK).all(true).build();

        assertThat(SqlPreview.render(update, new PostgresDialect()))
                .isEqualTo("UPDATE \"book\" SET \"title\" = $1 WHERE \"book\".\"title\" = $2");
        assertThat(SqlPreview.render(delete, new PostgresDialect())).isEqualTo("DELETE FROM \"book\"");
        assertThatThrownBy(() -> DataChangeStatement.delete(BOOK).set("title", new Expression.Value("x")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStatementNotBuiltByRowflowIsRefusedWithTheReason() {
        SelectStatement<Book> foreign = new Foreign();

        assertThatThrownBy(() -> SqlPreview.render(foreign, new PostgresDialect()))
                .isInstanceOf(QueryException.class).hasMessageContaining("SelectStatement.builder");
    }

    /** A statement implemented outside Rowflow. */
    private static final class Foreign implements SelectStatement<Book> {
        @Override public Builder<Book> toBuilder() { throw new UnsupportedOperationException(); }
        @Override public SelectStatement<Book> withFrom(TableRef table) { return this; }
        @Override public SelectStatement<Book> withJoin(Join join) { return this; }
        @Override public SelectStatement<Book> withWhere(Predicate filter) { return this; }
        @Override public SelectStatement<Book> withGroupBy(List<Expression> expressions) { return this; }
        @Override public SelectStatement<Book> withHaving(Predicate filter) { return this; }
        @Override public SelectStatement<Book> withDistinct(boolean removeDuplicates) { return this; }
        @Override public SelectStatement<Book> withLimit(Long rows) { return this; }
        @Override public SelectStatement<Book> withOffset(Long rows) { return this; }
        @Override public SelectStatement<Book> withOrderBy(List<OrderItem> keys) { return this; }
        @Override public SelectStatement<Book> withSeekAfter(List<Object> values) { return this; }
    }
}
