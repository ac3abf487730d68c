package io.rowflow.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.Version;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.dialect.MariaDbDialect;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.fixtures.Author;
import io.rowflow.fixtures.Book;
import io.rowflow.fixtures.Counter;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.mapping.NamingStrategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact SQL of the writes rendered for PostgreSQL, H2 and MariaDB, without a database. */
class EntitySqlTest {

    private static final Dialect POSTGRES = new PostgresDialect();
    private static final Dialect H2 = new H2Dialect();
    private static final Dialect MARIADB = new MariaDbDialect();

    @Test
    void insertOfGeneratedIdReturnsItWithReturningOnPostgres() {
        EntitySql author = sql(Author.class, POSTGRES);

        assertThat(author.insert(1, false))
                .isEqualTo("INSERT INTO \"author\" (\"name\", \"born\") VALUES ($1, $2) RETURNING \"id\"");
        assertThat(author.insert(3, false)).isEqualTo("INSERT INTO \"author\" (\"name\", \"born\") "
                + "VALUES ($1, $2), ($3, $4), ($5, $6) RETURNING \"id\"");
        assertThat(author.insertColumns(false)).extracting(MappedColumn::columnName).containsExactly("name", "born");
    }

    @Test
    void insertOfGeneratedIdReadsItFromFinalTableOnH2() {
        EntitySql author = sql(Author.class, H2);

        assertThat(author.insert(1, false))
                .isEqualTo("SELECT \"id\" FROM FINAL TABLE (INSERT INTO \"author\" (\"name\", \"born\") VALUES ($1, $2))");
        assertThat(author.insert(2, false)).isEqualTo(
                "SELECT \"id\" FROM FINAL TABLE (INSERT INTO \"author\" (\"name\", \"born\") VALUES ($1, $2), ($3, $4))");
    }

    @Test
    void mariaDbUsesQuestionMarksBackticksAndReturning() {
        EntitySql author = sql(Author.class, MARIADB);

        assertThat(author.insert(2, false))
                .isEqualTo("INSERT INTO `author` (`name`, `born`) VALUES (?, ?), (?, ?) RETURNING `id`");
        assertThat(sql(Book.class, MARIADB).update()).isEqualTo("UPDATE `book` SET `title` = ?, `author_id` = ?, "
                + "`price` = ?, `pages` = ?, `version` = ? WHERE `id` = ? AND `version` = ?");
    }

    @Test
    void upsertIsOnDuplicateKeyUpdateReturningTheRowOnMariaDb() {
        assertThat(sql(Counter.class, MARIADB).upsert()).isEqualTo(
                "INSERT INTO `counter` (`name`, `hits`, `version`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "`hits` = VALUES(`hits`), `version` = `version` + 1 RETURNING `name`, `hits`, `version`");
        assertThat(sql(Tag.class, MARIADB).upsert()).isEqualTo("INSERT INTO `tag` (`label`) VALUES (?) "
                + "ON DUPLICATE KEY UPDATE `label` = VALUES(`label`) RETURNING `label`");
        assertThat(sql(Stamp.class, MARIADB).upsert()).isEqualTo("INSERT INTO `stamp` (`code`, `version`) VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE `version` = `version` + 1 RETURNING `code`, `version`");
    }

    @Test
    void insertWithSuppliedIdReturnsNothing() {
        String expected = "INSERT INTO \"author\" (\"id\", \"name\", \"born\") VALUES ($1, $2, $3), ($4, $5, $6)";

        assertThat(sql(Author.class, POSTGRES).insert(2, true)).isEqualTo(expected);
        assertThat(sql(Author.class, H2).insert(2, true)).isEqualTo(expected);
        assertThat(sql(Counter.class, POSTGRES).insert(1, true))
                .isEqualTo("INSERT INTO \"counter\" (\"name\", \"hits\", \"version\") VALUES ($1, $2, $3)");
    }

    @Test
    void insertTextIsRenderedOncePerRowCount() {
        EntitySql author = sql(Author.class, POSTGRES);

        assertThat(author.insert(5, false)).isSameAs(author.insert(5, false));
    }

    @Test
    void updateSetsEveryColumnButTheIdAndChecksTheVersion() {
        String expected = "UPDATE \"book\" SET \"title\" = $1, \"author_id\" = $2, \"price\" = $3, \"pages\" = $4, "
                + "\"version\" = $5 WHERE \"id\" = $6 AND \"version\" = $7";

        assertThat(sql(Book.class, POSTGRES).update()).isEqualTo(expected);
        assertThat(sql(Book.class, H2).update()).isEqualTo(expected);
        assertThat(sql(Book.class, H2).updateColumns()).extracting(MappedColumn::columnName)
                .containsExactly("title", "author_id", "price", "pages", "version");
    }

    @Test
    void updateWithoutVersionMatchesTheIdOnly() {
        assertThat(sql(Author.class, POSTGRES).update())
                .isEqualTo("UPDATE \"author\" SET \"name\" = $1, \"born\" = $2 WHERE \"id\" = $3");
    }

    @Test
    void upsertIsOnConflictDoUpdateOnPostgres() {
        assertThat(sql(Counter.class, POSTGRES).upsert()).isEqualTo(
                "INSERT INTO \"counter\" AS t (\"name\", \"hits\", \"version\") VALUES ($1, $2, $3) "
                        + "ON CONFLICT (\"name\") DO UPDATE SET \"hits\" = EXCLUDED.\"hits\", \"version\" = t.\"version\" + 1 "
                        + "RETURNING \"name\", \"hits\", \"version\"");
        assertThat(sql(Author.class, POSTGRES).upsert()).isEqualTo(
                "INSERT INTO \"author\" AS t (\"id\", \"name\", \"born\") VALUES ($1, $2, $3) "
                        + "ON CONFLICT (\"id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", \"born\" = EXCLUDED.\"born\" "
                        + "RETURNING \"id\", \"name\", \"born\"");
    }

    @Test
    void upsertIsMergeReadFromFinalTableOnH2() {
        assertThat(sql(Counter.class, H2).upsert()).isEqualTo(
                "SELECT \"name\", \"hits\", \"version\" FROM FINAL TABLE (MERGE INTO \"counter\" t "
                        + "USING (VALUES ($1, $2, $3)) s (\"name\", \"hits\", \"version\") ON (t.\"name\" = s.\"name\") "
                        + "WHEN MATCHED THEN UPDATE SET \"hits\" = s.\"hits\", \"version\" = t.\"version\" + 1 "
                        + "WHEN NOT MATCHED THEN INSERT (\"name\", \"hits\", \"version\") "
                        + "VALUES (s.\"name\", s.\"hits\", s.\"version\"))");
    }

    @Test
    void upsertOfEntityWithOnlyAnIdStillReturnsTheExistingRow() {
        assertThat(sql(Tag.class, POSTGRES).upsert()).isEqualTo(
                "INSERT INTO \"tag\" AS t (\"label\") VALUES ($1) ON CONFLICT (\"label\") "
                        + "DO UPDATE SET \"label\" = EXCLUDED.\"label\" RETURNING \"label\"");
        assertThat(sql(Tag.class, H2).upsert()).isEqualTo(
                "SELECT \"label\" FROM FINAL TABLE (MERGE INTO \"tag\" t USING (VALUES ($1)) s (\"label\") "
                        + "ON (t.\"label\" = s.\"label\") WHEN MATCHED THEN UPDATE SET \"label\" = s.\"label\" "
                        + "WHEN NOT MATCHED THEN INSERT (\"label\") VALUES (s.\"label\"))");
    }

    @Test
    void upsertOfEntityWithOnlyIdAndVersionIncrementsTheVersion() {
        assertThat(sql(Stamp.class, POSTGRES).upsert()).isEqualTo(
                "INSERT INTO \"stamp\" AS t (\"code\", \"version\") VALUES ($1, $2) ON CONFLICT (\"code\") "
                        + "DO UPDATE SET \"code\" = EXCLUDED.\"code\", \"version\" = t.\"version\" + 1 "
                        + "RETURNING \"code\", \"version\"");
        assertThat(sql(Stamp.class, H2).upsert()).isEqualTo(
                "SELECT \"code\", \"version\" FROM FINAL TABLE (MERGE INTO \"stamp\" t USING (VALUES ($1, $2)) "
                        + "s (\"code\", \"version\") ON (t.\"code\" = s.\"code\") "
                        + "WHEN MATCHED THEN UPDATE SET \"version\" = t.\"version\" + 1 "
                        + "WHEN NOT MATCHED THEN INSERT (\"code\", \"version\") VALUES (s.\"code\", s.\"version\"))");
    }

    @Test
    void deleteMatchesTheIdAndTheVersionWhenThereIsOne() {
        EntitySql book = sql(Book.class, POSTGRES);

        assertThat(book.deleteById()).isEqualTo("DELETE FROM \"book\" WHERE \"id\" = $1");
        assertThat(book.deleteByIdAndVersion()).isEqualTo("DELETE FROM \"book\" WHERE \"id\" = $1 AND \"version\" = $2");
        assertThat(sql(Author.class, H2).deleteByIdAndVersion()).isNull();
    }

    @Test
    void schemaQualifiesTheTable() {
        EntitySql archived = sql(Archived.class, POSTGRES);

        assertThat(archived.table()).isEqualTo("\"history\".\"archived\"");
        assertThat(archived.deleteById()).isEqualTo("DELETE FROM \"history\".\"archived\" WHERE \"id\" = $1");
    }

    @Test
    void statementsByIdCompareEveryKeyColumn() {
        EntitySql stock = sql(Stock.class, POSTGRES);

        assertThat(stock.update()).isEqualTo("UPDATE \"stock\" SET \"copies\" = $1, \"version\" = $2 "
                + "WHERE \"store_id\" = $3 AND \"film_id\" = $4 AND \"version\" = $5");
        assertThat(stock.deleteByIdAndVersion()).isEqualTo(
                "DELETE FROM \"stock\" WHERE \"store_id\" = $1 AND \"film_id\" = $2 AND \"version\" = $3");
        assertThat(stock.upsert()).contains("ON CONFLICT (\"store_id\", \"film_id\") DO UPDATE SET \"copies\" = EXCLUDED.\"copies\"");
    }

    @Test
    void aDialectWithoutSequencesFailsNamingTheEntityAndColumn() {
        Dialect plain = new QuestionMarkDialect();
        EntitySql ticket = sql(io.rowflow.fixtures.generated.Ticket.class, plain);
        MappedColumn id = new EntityModels(NamingStrategy.SNAKE_CASE, new ConverterRegistry(Map.of(), plain))
                .entity(io.rowflow.fixtures.generated.Ticket.class).key().column();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ticket.sequenceValues(id, 1))
                .isInstanceOf(io.rowflow.QueryException.class)
                .hasMessageContaining("question marks dialect")
                .hasMessageContaining(io.rowflow.fixtures.generated.Ticket.class.getName())
                .hasMessageContaining("key id from the sequence ticket_seq");
    }

    private static EntitySql sql(Class<?> type, Dialect dialect) {
        EntityModels models = new EntityModels(NamingStrategy.SNAKE_CASE, new ConverterRegistry(Map.of(), dialect));
        return new EntitySql(models.entity(type), dialect);
    }

    @Table
    record Stock(@io.rowflow.annotation.Id int storeId, @io.rowflow.annotation.Id int filmId, int copies,
                 @io.rowflow.annotation.Version Integer version) {
    }

    @Table
    record Tag(@Id String label) {
    }

    @Table
    record Stamp(@Id String code, @Version long version) {
    }

    @Table(schema = "history")
    record Archived(@Id Long id, String note) {
    }
}
