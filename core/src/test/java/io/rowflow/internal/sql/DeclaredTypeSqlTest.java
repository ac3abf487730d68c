package io.rowflow.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.MappingException;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.dialect.MariaDbDialect;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.fixtures.Film;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.schema.DdlGenerator;
import io.rowflow.mapping.NamingStrategy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A column declared with {@code @Column(type = ...)} has every bind marker cast to that type by the
 * dialect — in each statement, from the one declaration — and keeps the type in generated DDL.
 */
class DeclaredTypeSqlTest {

    private static final Dialect POSTGRES = new PostgresDialect();

    @Test
    void everyStatementCastsTheEnumColumnsMarkerOnPostgres() {
        EntitySql film = sql(Film.class, POSTGRES);

        assertThat(film.insert(2, true)).isEqualTo("INSERT INTO \"film\" (\"id\", \"title\", \"rating\") "
                + "VALUES ($1, $2, $3::mpaa_rating), ($4, $5, $6::mpaa_rating)");
        assertThat(film.update()).isEqualTo("UPDATE \"film\" SET \"title\" = $1, \"rating\" = $2::mpaa_rating WHERE \"id\" = $3");
        assertThat(film.upsert()).startsWith("INSERT INTO \"film\" AS t (\"id\", \"title\", \"rating\") "
                + "VALUES ($1, $2, $3::mpaa_rating) ON CONFLICT");
        assertThat(film.arrayInsert(true)).isEqualTo("INSERT INTO \"film\" (\"id\", \"title\", \"rating\") SELECT c0, c1, c2 "
                + "FROM unnest($1::bigint[], $2::text[], $3::mpaa_rating[]) WITH ORDINALITY AS u (c0, c1, c2, row_number) "
                + "ORDER BY row_number");
    }

    @Test
    void h2PassesTheValueAsVarcharAndMariaDbBindsItPlainly() {
        assertThat(sql(Film.class, new H2Dialect()).update())
                .isEqualTo("UPDATE \"film\" SET \"title\" = $1, \"rating\" = CAST($2 AS VARCHAR) WHERE \"id\" = $3");
        assertThat(sql(Film.class, new MariaDbDialect()).update())
                .isEqualTo("UPDATE `film` SET `title` = ?, `rating` = ? WHERE `id` = ?");
    }

    @Test
    void generatedDdlDeclaresTheColumnWithItsType() {
        EntityModels models = models(POSTGRES);

        assertThat(new DdlGenerator(models, POSTGRES).createTable(Film.class, false)).contains("\"rating\" mpaa_rating");
        assertThat(models.entity(Film.class).columns().get(2).databaseType()).isEqualTo("mpaa_rating");
    }

    @Test
    void aTypeNameThatIsNoTypeNameFailsTheMappingNamingTheField() {
        assertThatThrownBy(() -> models(POSTGRES).entity(Injected.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(Injected.class.getName() + ".rating")
                .hasMessageContaining("'text; drop table film' is not a valid database type name");
    }

    @Table(name = "injected")
    static class Injected {
        @Id
        Long id;
        @Column(type = "text; drop table film")
        String rating;
    }

    private static EntitySql sql(Class<?> type, Dialect dialect) {
        return new EntitySql(models(dialect).entity(type), dialect);
    }

    private static EntityModels models(Dialect dialect) {
        return new EntityModels(NamingStrategy.SNAKE_CASE, new ConverterRegistry(Map.of(), dialect));
    }
}
