package io.rowflow.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.MappingException;
import io.rowflow.annotation.DatabaseDefault;
import io.rowflow.annotation.DatabaseGenerated;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.GenerationTime;
import io.rowflow.annotation.GenerationType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.ReadOnly;
import io.rowflow.annotation.Table;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.dialect.MariaDbDialect;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.fixtures.generated.Ticket;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.schema.DdlGenerator;
import io.rowflow.internal.sql.EntitySql;
import io.rowflow.mapping.EntityMapping;
import io.rowflow.mapping.IdGeneration;
import io.rowflow.mapping.NamingStrategy;
import io.rowflow.mapping.WriteMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated keys and columns the database fills, without a database: the model built from
 * annotations and from code, the SQL rendered for each dialect, the DDL, and every refused
 * combination as a {@link MappingException} naming class and property.
 */
class GeneratedColumnMappingTest {

    private static final Dialect POSTGRES = new PostgresDialect();
    private static final Dialect MARIADB = new MariaDbDialect();

    private static EntityModels models(Dialect dialect, EntityMapping<?>... mappings) {
        return new EntityModels(NamingStrategy.SNAKE_CASE, new ConverterRegistry(Map.of(), dialect), List.of(mappings));
    }

    private static EntitySql sql(Class<?> type, Dialect dialect) {
        return new EntitySql(models(dialect).entity(type), dialect);
    }

    @Test
    void annotationsDescribeHowEachColumnIsWritten() {
        DefaultEntityModel<Ticket> model = models(POSTGRES).entity(Ticket.class);

        assertThat(model.column("id").idGeneration()).isEqualTo(IdGeneration.sequence("ticket_seq"));
        assertThat(model.column("createdAt").writeMode()).isEqualTo(WriteMode.GENERATED_ON_INSERT);
        assertThat(model.column("status").writeMode()).isEqualTo(WriteMode.DEFAULT_WHEN_NULL);
        assertThat(model.column("titleLength").writeMode()).isEqualTo(WriteMode.GENERATED_ON_INSERT_AND_UPDATE);
        assertThat(model.column("owner").writeMode()).isEqualTo(WriteMode.READ_ONLY);
        assertThat(model.column("title").writeMode()).isEqualTo(WriteMode.WRITTEN);
    }

    /** An unannotated record mapped in code. */
    public record Plain(UUID id, String title, LocalDateTime createdAt, Integer titleLength, String status,
                        String owner) {
    }

    @Test
    void aCodeMappingProducesTheSameModel() {
        EntityMapping<Plain> mapping = EntityMapping.entity(Plain.class).table("plain")
                .generatedId(Plain::id, IdGeneration.uuidV7())
                .databaseGenerated(Plain::createdAt, GenerationTime.INSERT)
                .databaseGenerated(Plain::titleLength, GenerationTime.INSERT_AND_UPDATE)
                .databaseDefault(Plain::status)
                .readOnly(Plain::owner);

        DefaultEntityModel<Plain> model = models(POSTGRES, mapping).entity(Plain.class);

        assertThat(model.column("id").idGeneration()).isEqualTo(IdGeneration.uuidV7());
        assertThat(model.column("createdAt").writeMode()).isEqualTo(WriteMode.GENERATED_ON_INSERT);
        assertThat(model.column("titleLength").writeMode()).isEqualTo(WriteMode.GENERATED_ON_INSERT_AND_UPDATE);
        assertThat(model.column("status").writeMode()).isEqualTo(WriteMode.DEFAULT_WHEN_NULL);
        assertThat(model.column("owner").writeMode()).isEqualTo(WriteMode.READ_ONLY);
        EntitySql sql = new EntitySql(model, POSTGRES);
        assertThat(sql.insert(1, true)).isEqualTo("INSERT INTO \"plain\" (\"id\", \"title\", \"status\") "
                + "VALUES ($1, $2, $3) RETURNING \"created_at\", \"title_length\"");
    }

    @Test
    void insertsLeaveOutWhatTheDatabaseSetsAndReturnIt() {
        EntitySql ticket = sql(Ticket.class, POSTGRES);
        Object[] values = {1L, "t", null, null, null, "me"};

        assertThat(ticket.insert(2, ticket.omittedOnInsert(values))).isEqualTo(
                "INSERT INTO \"ticket\" (\"id\", \"title\") VALUES ($1, $2), ($3, $4) "
                        + "RETURNING \"created_at\", \"status\", \"title_length\"");
        values[3] = "closed";
        assertThat(ticket.insert(1, ticket.omittedOnInsert(values))).isEqualTo(
                "INSERT INTO \"ticket\" (\"id\", \"title\", \"status\") VALUES ($1, $2, $3) "
                        + "RETURNING \"created_at\", \"title_length\"");
        assertThat(ticket.arrayInsert(ticket.omittedOnInsert(values))).startsWith(
                "INSERT INTO \"ticket\" (\"id\", \"title\", \"status\") SELECT").endsWith(
                "RETURNING \"created_at\", \"title_length\"");
    }

    @Test
    void updatesWriteOnlyWrittenColumnsAndReturnThoseSetOnUpdate() {
        assertThat(sql(Ticket.class, POSTGRES).update()).isEqualTo("UPDATE \"ticket\" SET \"title\" = $1, "
                + "\"status\" = $2 WHERE \"id\" = $3 RETURNING \"title_length\"");
        assertThat(sql(Ticket.class, new H2Dialect()).update()).isEqualTo("SELECT \"title_length\" FROM FINAL TABLE "
                + "(UPDATE \"ticket\" SET \"title\" = $1, \"status\" = $2 WHERE \"id\" = $3)");
        EntitySql mariadb = sql(Ticket.class, MARIADB);
        assertThat(mariadb.update()).isEqualTo("UPDATE `ticket` SET `title` = ?, `status` = ? WHERE `id` = ?");
        assertThat(mariadb.updateReturns()).isFalse();
        assertThat(mariadb.selectAfterUpdate()).isEqualTo("SELECT `title_length` FROM `ticket` WHERE `id` = ?");
    }

    @Test
    void upsertsNeitherInsertNorUpdateWhatTheDatabaseSets() {
        EntitySql ticket = sql(Ticket.class, POSTGRES);

        assertThat(ticket.upsert(ticket.omittedOnInsert(new Object[]{1L, "t", null, null, null, null}))).isEqualTo(
                "INSERT INTO \"ticket\" AS t (\"id\", \"title\") VALUES ($1, $2) ON CONFLICT (\"id\") DO UPDATE SET "
                        + "\"title\" = EXCLUDED.\"title\" RETURNING \"id\", \"title\", \"created_at\", \"status\", "
                        + "\"title_length\", \"owner\"");
    }

    @Test
    void aSingleInsertTakesItsKeyFromTheSequenceInTheStatement() {
        Object[] values = {null, "t", null, null, null, null};
        EntitySql postgres = sql(Ticket.class, POSTGRES);
        EntitySql mariadb = sql(Ticket.class, MARIADB);

        assertThat(postgres.insertFromSequence(postgres.omittedOnInsert(values))).isEqualTo(
                "INSERT INTO \"ticket\" (\"id\", \"title\") VALUES (nextval('\"ticket_seq\"'), $1) "
                        + "RETURNING \"id\", \"created_at\", \"status\", \"title_length\"");
        assertThat(mariadb.insertFromSequence(mariadb.omittedOnInsert(values))).isEqualTo(
                "INSERT INTO `ticket` (`id`, `title`) VALUES (NEXTVAL(`ticket_seq`), ?) "
                        + "RETURNING `id`, `created_at`, `status`, `title_length`");
    }

    @Test
    void sequenceBlocksAreOneStatementPerDialect() {
        MappedColumn id = models(POSTGRES).entity(Ticket.class).key().column();

        assertThat(sql(Ticket.class, POSTGRES).sequenceValues(id, 3))
                .isEqualTo("SELECT nextval('\"ticket_seq\"') FROM generate_series(1, 3)");
        assertThat(sql(Ticket.class, MARIADB).sequenceValues(id, 3)).isEqualTo("SELECT NEXTVAL(`ticket_seq`) FROM seq_1_to_3");
        assertThat(sql(Ticket.class, new H2Dialect()).sequenceValues(id, 3))
                .isEqualTo("SELECT NEXT VALUE FOR \"ticket_seq\" FROM SYSTEM_RANGE(1, 3)");
    }

    @Test
    void generatedDdlDeclaresDefaultsAndNoIdentityForASequenceKey() {
        String ddl = new DdlGenerator(models(POSTGRES), POSTGRES).createTable(Ticket.class, false);

        assertThat(ddl).contains("\"id\" bigint NOT NULL").doesNotContain("IDENTITY")
                .contains("\"status\" text DEFAULT 'open'").contains("\"created_at\" timestamp(6)");
    }

    @Table(name = "broken")
    record DefaultOnPrimitive(@Id Long id, @DatabaseDefault int count) {
    }

    @Table(name = "broken")
    record GeneratedKeyColumn(@Id @DatabaseGenerated Long id) {
    }

    @Table(name = "broken")
    record SequenceOnText(@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "s") String id) {
    }

    @Table(name = "broken")
    record UuidOnLong(@Id @GeneratedValue(strategy = GenerationType.UUID_V7) Long id) {
    }

    @Table(name = "broken")
    record SequenceWithoutName(@Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id) {
    }

    @Table(name = "broken")
    record BadSequenceName(@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "s; drop") Long id) {
    }

    @Table(name = "broken")
    record TwoMarks(@Id Long id, @ReadOnly @DatabaseGenerated String search) {
    }

    @Test
    void refusedCombinationsNameTheClassAndProperty() {
        EntityModels models = models(POSTGRES);
        assertThatThrownBy(() -> models.entity(DefaultOnPrimitive.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("DefaultOnPrimitive.count is @DatabaseDefault but has the primitive type int");
        assertThatThrownBy(() -> models.entity(GeneratedKeyColumn.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("GeneratedKeyColumn.id is @Id and @DatabaseGenerated");
        assertThatThrownBy(() -> models.entity(SequenceOnText.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("SequenceOnText.id is @GeneratedValue(strategy = SEQUENCE) but has type java.lang.String");
        assertThatThrownBy(() -> models.entity(UuidOnLong.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("UuidOnLong.id is @GeneratedValue(strategy = UUID_V7) but has type java.lang.Long");
        assertThatThrownBy(() -> models.entity(SequenceWithoutName.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("SequenceWithoutName.id has @GeneratedValue(strategy = SEQUENCE) but no sequence");
        assertThatThrownBy(() -> models.entity(BadSequenceName.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'s; drop' is not a valid sequence name");
        assertThatThrownBy(() -> models.entity(TwoMarks.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("TwoMarks.search combines @DatabaseGenerated, @DatabaseDefault and @ReadOnly");
    }
}
