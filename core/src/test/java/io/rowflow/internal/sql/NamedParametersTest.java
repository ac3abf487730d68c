package io.rowflow.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.QueryException;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;

/** Parsing {@code :name} parameters out of hand-written SQL, without a database. */
class NamedParametersTest {

    private static final Dialect POSTGRES = new PostgresDialect();

    @Test
    void replacesEachParameterWithTheDialectsMarkerInOrder() {
        NamedParameters parsed = NamedParameters.parse("select * from book where title = :title and pages > :pages", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select * from book where title = $1 and pages > $2");
        assertThat(parsed.occurrences()).containsExactly("title", "pages");
        assertThat(parsed.names()).containsExactly("title", "pages");
    }

    @Test
    void positionalDialectGetsQuestionMarks() {
        NamedParameters parsed = NamedParameters.parse("update t set a = :a, b = :b where id = :id", new QuestionMarkDialect());

        assertThat(parsed.sql()).isEqualTo("update t set a = ?, b = ? where id = ?");
        assertThat(parsed.occurrences()).containsExactly("a", "b", "id");
    }

    @Test
    void h2AndPostgresShareNumberedMarkers() {
        String sql = "select 1 from t where a = :a";

        assertThat(NamedParameters.parse(sql, new H2Dialect()).sql()).isEqualTo("select 1 from t where a = $1");
        assertThat(NamedParameters.parse(sql, POSTGRES).sql()).isEqualTo("select 1 from t where a = $1");
    }

    @Test
    void repeatedNameGetsAMarkerPerOccurrence() {
        NamedParameters parsed = NamedParameters.parse(
                "select * from t where (a = :value or b = :value) and c <> :other and d = :value", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select * from t where (a = $1 or b = $2) and c <> $3 and d = $4");
        assertThat(parsed.occurrences()).containsExactly("value", "value", "other", "value");
        assertThat(parsed.names()).containsExactly("value", "other");
    }

    @Test
    void parametersNextToPunctuationAreFound() {
        NamedParameters parsed = NamedParameters.parse("select * from t where id in (:first,:second) and x=:x", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select * from t where id in ($1,$2) and x=$3");
        assertThat(parsed.occurrences()).containsExactly("first", "second", "x");
    }

    @Test
    void quotedStringsAreLeftAlone() {
        NamedParameters parsed = NamedParameters.parse(
                "select ':not', 'it''s :still not', '' from t where a = :a and b = 'x:y'", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select ':not', 'it''s :still not', '' from t where a = $1 and b = 'x:y'");
        assertThat(parsed.occurrences()).containsExactly("a");
    }

    @Test
    void escapeStringsWithBackslashesAreLeftAlone() {
        NamedParameters parsed = NamedParameters.parse("select E'it\\'s :not', e'\\\\' from t where a = :a", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select E'it\\'s :not', e'\\\\' from t where a = $1");
        assertThat(parsed.occurrences()).containsExactly("a");
    }

    @Test
    void backslashInAStandardStringIsAnOrdinaryCharacter() {
        NamedParameters parsed = NamedParameters.parse("select 'C:\\' from t where code = :code", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select 'C:\\' from t where code = $1");
        assertThat(parsed.occurrences()).containsExactly("code");
    }

    @Test
    void quotedIdentifiersAreLeftAlone() {
        NamedParameters parsed = NamedParameters.parse(
                "select \"odd:name\", \"with\"\"quote:x\", `back:tick` from t where a = :a", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select \"odd:name\", \"with\"\"quote:x\", `back:tick` from t where a = $1");
        assertThat(parsed.occurrences()).containsExactly("a");
    }

    @Test
    void doubleColonCastsAreNotParameters() {
        NamedParameters parsed = NamedParameters.parse(
                "select created::date, :id::bigint, cast(:v as text), array[1,2][1:2] from t", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select created::date, $1::bigint, cast($2 as text), array[1,2][1:2] from t");
        assertThat(parsed.occurrences()).containsExactly("id", "v");
    }

    @Test
    void commentsAreLeftAlone() {
        NamedParameters parsed = NamedParameters.parse("""
                -- find :nothing here
                select * from t /* nor :here,
                   nor :there */ where a = :a -- :trailing""", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("""
                -- find :nothing here
                select * from t /* nor :here,
                   nor :there */ where a = $1 -- :trailing""");
        assertThat(parsed.occurrences()).containsExactly("a");
    }

    @Test
    void dollarQuotedBodiesAreLeftAlone() {
        NamedParameters parsed = NamedParameters.parse(
                "do $$ begin perform :not; end $$; select $fn$ :nor $ this $fn$, :a", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("do $$ begin perform :not; end $$; select $fn$ :nor $ this $fn$, $1");
        assertThat(parsed.occurrences()).containsExactly("a");
    }

    @Test
    void dollarSignsInsideIdentifiersDoNotStartDollarQuotes() {
        NamedParameters parsed = NamedParameters.parse("select price$net$ from t where id = :id and a$b = :b", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select price$net$ from t where id = $1 and a$b = $2");
        assertThat(parsed.occurrences()).containsExactly("id", "b");
    }

    @Test
    void positionalMarkersInTheSourceAreLeftAsTheyAre() {
        NamedParameters parsed = NamedParameters.parse("select $1, :a", POSTGRES);

        assertThat(parsed.sql()).isEqualTo("select $1, $1");
        assertThat(parsed.occurrences()).containsExactly("a");
    }

    @Test
    void sqlWithoutParametersIsUnchanged() {
        String sql = "select count(*) from t where note = ':x' -- :y";

        NamedParameters parsed = NamedParameters.parse(sql, POSTGRES);

        assertThat(parsed.sql()).isEqualTo(sql);
        assertThat(parsed.occurrences()).isEmpty();
        assertThat(parsed.names()).isEmpty();
    }

    @Test
    void unterminatedQuoteIsAQueryException() {
        assertThatThrownBy(() -> NamedParameters.parse("select 'oops from t where a = :a", POSTGRES))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("Unterminated");
        assertThatThrownBy(() -> NamedParameters.parse("select \"oops from t", POSTGRES))
                .isInstanceOf(QueryException.class);
    }
}
