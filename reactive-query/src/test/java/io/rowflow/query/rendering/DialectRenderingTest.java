package io.rowflow.query.rendering;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.fixtures.Novel_.NOVEL;
import static io.rowflow.query.fixtures.Writer_.WRITER;
import static io.rowflow.query.fixtures.Part_.PART;
import static io.rowflow.query.fixtures.Take_.TAKE;
import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.dialect.MariaDbDialect;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.query.Paths;
import io.rowflow.query.fixtures.Writer;
import io.rowflow.sql.SqlPreview;
import org.junit.jupiter.api.Test;

/**
 * What each dialect renders where databases differ, without a database: the behavioural suites
 * prove the results on the real servers, this test pins the SQL text.
 */
class DialectRenderingTest {

    private static final Dialect POSTGRES = new PostgresDialect();
    private static final Dialect H2 = new H2Dialect();
    private static final Dialect MARIADB = new MariaDbDialect();

    @Test
    void aJoinOverACompositeForeignKeyComparesEveryKeyColumn() {
        var query = select(TAKE.label).join(PART).on(TAKE.part.eq(PART)).where(TAKE.part.isNotNull());

        assertThat(SqlPreview.render(query, POSTGRES)).isEqualTo("SELECT t0.\"label\" FROM \"take\" t0 "
                + "JOIN \"part\" t1 ON (t0.\"actor_id\" = t1.\"actor_id\" AND t0.\"film_id\" = t1.\"film_id\") "
                + "WHERE (t0.\"actor_id\" IS NOT NULL AND t0.\"film_id\" IS NOT NULL)");
    }

    @Test
    void aCompositeReferenceIsComparedWithAKeyAndTestedForNullOverEveryColumn() {
        var byKey = select(TAKE.label).where(TAKE.part.eqId(io.rowflow.Key.of(1, 23)));
        var orphans = select(TAKE.label).where(TAKE.part.isNull());

        assertThat(SqlPreview.render(byKey, POSTGRES)).isEqualTo("SELECT t0.\"label\" FROM \"take\" t0 "
                + "WHERE (t0.\"actor_id\" = $1 AND t0.\"film_id\" = $2)");
        assertThat(SqlPreview.render(orphans, MARIADB)).isEqualTo("SELECT t0.`label` FROM `take` t0 "
                + "WHERE (t0.`actor_id` IS NULL OR t0.`film_id` IS NULL)");
    }

    @Test
    void likeIgnoringCaseIsIlikeOnPostgresAndLowerElsewhere() {
        var query = select(NOVEL.id).where(NOVEL.title.containsIgnoreCase("dune"));

        assertThat(SqlPreview.render(query, POSTGRES))
                .isEqualTo("SELECT t0.\"id\" FROM \"novel\" t0 WHERE t0.\"title\" ILIKE $1 ESCAPE '!'");
        assertThat(SqlPreview.render(query, H2))
                .isEqualTo("SELECT t0.\"id\" FROM \"novel\" t0 WHERE LOWER(t0.\"title\") LIKE LOWER($1) ESCAPE '!'");
        assertThat(SqlPreview.render(query, MARIADB))
                .isEqualTo("SELECT t0.`id` FROM `novel` t0 WHERE LOWER(t0.`title`) LIKE LOWER(?) ESCAPE '!'");
    }

    @Test
    void nullsPlacementIsNativeOrALeadingIsNullKey() {
        var query = select(NOVEL.id).orderBy(NOVEL.year.desc().nullsLast(), NOVEL.price.times(2).asc().nullsFirst());

        assertThat(SqlPreview.render(query, POSTGRES)).isEqualTo("SELECT t0.\"id\" FROM \"novel\" t0 "
                + "ORDER BY t0.\"year\" DESC NULLS LAST, (t0.\"price\" * $1) NULLS FIRST");
        assertThat(SqlPreview.render(query, MARIADB)).as("an expression with a value is bound once per use")
                .isEqualTo("SELECT t0.`id` FROM `novel` t0 ORDER BY t0.`year` IS NULL, t0.`year` DESC, "
                        + "(t0.`price` * ?) IS NULL DESC, (t0.`price` * ?)");
    }

    @Test
    void anOffsetAloneGetsTheLargestLimitOnMariaDb() {
        var query = select(NOVEL.id).orderBy(NOVEL.id.asc()).offset(5);

        assertThat(SqlPreview.render(query, POSTGRES)).endsWith("ORDER BY t0.\"id\" OFFSET $1");
        assertThat(SqlPreview.render(query, MARIADB)).endsWith("ORDER BY t0.`id` LIMIT 18446744073709551615 OFFSET ?");
        assertThat(SqlPreview.render(query.limit(10), MARIADB)).endsWith("ORDER BY t0.`id` LIMIT ? OFFSET ?");
    }

    @Test
    void lengthCountsCharactersAndConcatSkipsNullsOnMariaDb() {
        var query = select(NOVEL.title.concat(" (", NOVEL.title, ")")).where(NOVEL.title.length().eq(4));

        assertThat(SqlPreview.render(query, POSTGRES)).isEqualTo("SELECT CONCAT(t0.\"title\", $1, t0.\"title\", $2) "
                + "FROM \"novel\" t0 WHERE LENGTH(t0.\"title\") = $3");
        assertThat(SqlPreview.render(query, MARIADB)).isEqualTo("SELECT CONCAT_WS('', t0.`title`, ?, t0.`title`, ?) "
                + "FROM `novel` t0 WHERE CHAR_LENGTH(t0.`title`) = ?");
    }

    @Test
    void inListsAreOneArrayOnPostgresAndOneMarkerPerValueElsewhere() {
        var query = select(NOVEL.id).where(NOVEL.year.in(1, 2, 3).and(NOVEL.year.notIn(4, 5)));

        assertThat(SqlPreview.render(query, POSTGRES)).isEqualTo("SELECT t0.\"id\" FROM \"novel\" t0 "
                + "WHERE (t0.\"year\" = ANY($1) AND NOT (t0.\"year\" = ANY($2)))");
        assertThat(SqlPreview.render(query, MARIADB)).isEqualTo("SELECT t0.`id` FROM `novel` t0 "
                + "WHERE (t0.`year` IN (?, ?, ?) AND t0.`year` NOT IN (?, ?))");
    }

    @Test
    void aQueryPrintsItsSqlEvenWhenItsValuesAreReadAsObject() {
        var query = select(Paths.of(Writer.class).simple("name", Object.class));

        assertThat(query.toString()).isEqualTo("SELECT t0.\"name\" FROM \"writer\" t0");
    }

    @Test
    void aQueryThatCannotBeRenderedSaysSoInsteadOfPrintingSql() {
        var query = select(NOVEL.id).where(WRITER.name.eq("Herbert"));

        assertThat(query.toString()).startsWith("SelectQuery that cannot be rendered as SQL: ").contains("writer");
    }
}
