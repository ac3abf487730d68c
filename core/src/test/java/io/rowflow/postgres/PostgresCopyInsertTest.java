package io.rowflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.DuplicateKeyException;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.GenerationType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.convert.Converter;
import io.rowflow.convert.Json;
import io.rowflow.dialect.Feature;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.dialect.MariaDbDialect;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.fixtures.Rating;
import io.rowflow.fixtures.Status;
import io.rowflow.observe.Operation;
import io.rowflow.observe.OperationKind;
import io.rowflow.observe.OperationListener;
import io.rowflow.test.TestDatabases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * {@code insertAll} through binary {@code COPY} on PostgreSQL writes exactly what the statement
 * path writes ({@code unnest}, or {@code VALUES} for types {@code unnest} does not bind), for every
 * type Rowflow maps, with nulls, unicode and edge values, at 100,000 rows; a failure in the middle
 * of the stream (from the server or from the client's encoding) leaves nothing written; and entities
 * COPY cannot write exactly stay statements.
 */
class PostgresCopyInsertTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int ROWS = 100_000;

    /** Every type {@code unnest} binds, plus enums by name and as a database enum. */
    @Table(name = "copy_everything")
    public record Everything(@Id Long id, @Nullable Short small, @Nullable Integer number, @Nullable Long big,
                             @Nullable BigDecimal amount, @Nullable String text, @Nullable Boolean flag,
                             @Nullable UUID uuid, @Nullable LocalDate day, @Nullable LocalTime time,
                             @Nullable LocalDateTime at, @Nullable OffsetDateTime zoned, @Nullable Instant instant,
                             @Nullable Double ratio, @Nullable Float score, @Nullable Status status,
                             @Column(type = "mpaa_rating") @Nullable Rating rating, @Nullable Code code) {
    }

    /** The types {@code unnest} does not bind (the statement path is multi-row {@code VALUES}). */
    @Table(name = "copy_document")
    public record Document(@Id UUID id, byte @Nullable [] bytes, @Nullable Json body, @Nullable String title) {
    }

    /** A key from a sequence: allocated in one statement per chunk, then copied. */
    @Table(name = "copy_sequenced")
    public record Sequenced(@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "copy_sequenced_seq")
                            @Nullable Long id, String name) {
    }

    /** A key from an identity: it must be read back, so the insert stays an {@code unnest}. */
    @Table(name = "copy_identity")
    public record Identified(@Id @GeneratedValue @Nullable Long id, String name) {
    }

    /** A user type stored as text; the converter refuses {@code "boom"}, to fail the stream mid-way. */
    public record Code(String value) {
    }

    private static final Converter<Code, String> CODES = Converter.of(Code.class, String.class, code -> {
        if (code.value().equals("boom")) {
            throw new IllegalArgumentException("refusing to encode " + code.value());
        }
        return code.value();
    }, Code::new);

    private final List<Operation> copyOperations = new CopyOnWriteArrayList<>();
    private final List<Operation> statementOperations = new CopyOnWriteArrayList<>();
    private Database copying;
    private Database statements;

    @BeforeEach
    void createTables() {
        ConnectionFactory copyFactory = TestDatabases.postgres(PostgresCopyInsertTest.class);
        ConnectionFactory statementFactory = TestDatabases.postgres(StatementSide.class);
        copying = Database.builder(copyFactory).converter(CODES).listener(recording(copyOperations)).build();
        statements = Database.builder(statementFactory).dialect(new PostgresDialect().withBinaryCopy(false))
                .converter(CODES).listener(recording(statementOperations)).build();
        for (Database db : List.of(copying, statements)) {
            for (String ddl : List.of("drop table if exists copy_everything", "drop table if exists copy_document",
                    "drop table if exists copy_sequenced", "drop table if exists copy_identity",
                    "drop sequence if exists copy_sequenced_seq", "drop type if exists mpaa_rating cascade",
                    "create type mpaa_rating as enum ('G', 'PG', 'PG-13', 'R', 'NC-17')",
                    "create table copy_everything (id bigint primary key, small smallint, number integer, big bigint, "
                            + "amount numeric, text text, flag boolean, uuid uuid, day date, time time, "
                            + "at timestamp, zoned timestamptz, instant timestamptz, ratio double precision, score real, "
                            + "status varchar(20), rating mpaa_rating, code text)",
                    "create table copy_document (id uuid primary key, bytes bytea, body jsonb, title varchar(200))",
                    "create sequence copy_sequenced_seq",
                    "create table copy_sequenced (id bigint primary key, name text not null)",
                    "create table copy_identity (id bigint generated by default as identity primary key, name text not null)")) {
                db.sql(ddl).execute().block(TIMEOUT);
            }
        }
        copyOperations.clear();
        statementOperations.clear();
    }

    /** A schema of its own for the statement side. */
    static final class StatementSide {
    }

    private static OperationListener recording(List<Operation> operations) {
        return (operation, context) -> {
            if (operation.kind() == OperationKind.BATCH_INSERT) {
                operations.add(operation);
            }
            return OperationListener.Execution.NONE;
        };
    }

    @Test
    void copyWritesExactlyWhatUnnestWritesForEveryTypeNullsAndUnicodeAt100000Rows() {
        List<Everything> rows = IntStream.range(0, ROWS).mapToObj(PostgresCopyInsertTest::everything).toList();

        assertThat(copying.insertAll(rows).count().block(TIMEOUT)).isEqualTo(ROWS);
        assertThat(statements.insertAll(rows).count().block(TIMEOUT)).isEqualTo(ROWS);

        assertThat(copyOperations).isNotEmpty().allSatisfy(operation -> assertThat(operation.sql()).startsWith("COPY "));
        assertThat(statementOperations).isNotEmpty().allSatisfy(operation -> assertThat(operation.sql()).contains("unnest("));
        assertSameRows("copy_everything", ROWS);
    }

    @Test
    void copyWritesExactlyWhatValuesWritesForBinaryAndJson() {
        List<Document> rows = IntStream.range(0, 20_000).mapToObj(PostgresCopyInsertTest::document).toList();

        assertThat(copying.insertAll(rows).count().block(TIMEOUT)).isEqualTo(20_000);
        assertThat(statements.insertAll(rows).count().block(TIMEOUT)).isEqualTo(20_000);

        assertThat(copyOperations).isNotEmpty().allSatisfy(operation -> assertThat(operation.sql()).startsWith("COPY "));
        assertThat(statementOperations).isNotEmpty().allSatisfy(operation -> assertThat(operation.sql()).contains("VALUES"));
        assertSameRows("copy_document", 20_000);
    }

    @Test
    void sequenceKeysAreAllocatedInOneStatementPerChunkThenCopiedAndReadBack() {
        List<Sequenced> rows = IntStream.range(0, 25_000).mapToObj(i -> new Sequenced(null, "name " + i)).toList();

        List<Sequenced> inserted = copying.insertAll(rows).collectList().block(TIMEOUT);

        assertThat(inserted).hasSize(25_000).extracting(Sequenced::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(copyOperations).hasSize(3).allSatisfy(operation -> assertThat(operation.sql()).startsWith("COPY "));
        List<Long> stored = copying.sql("select id from copy_sequenced where name = 'name 24999'")
                .map(row -> row.get(0, Long.class)).fetch().collectList().block(TIMEOUT);
        assertThat(stored).containsExactly(inserted.get(24_999).id());
    }

    @Test
    void identityKeysAreReadBackSoTheInsertStaysAnUnnest() {
        List<Identified> inserted = copying.insertAll(List.of(new Identified(null, "a"), new Identified(null, "b")))
                .collectList().block(TIMEOUT);

        assertThat(inserted).extracting(Identified::id).doesNotContainNull();
        assertThat(copyOperations).singleElement().satisfies(operation -> assertThat(operation.sql())
                .contains("unnest(").contains("RETURNING"));
    }

    @Test
    void aColumnTypeCopyCannotWriteExactlyKeepsTheStatement() {
        copying.sql("drop domain if exists short_title cascade").execute().block(TIMEOUT);
        copying.sql("create domain short_title as varchar(200)").execute().block(TIMEOUT);
        copying.sql("alter table copy_document alter column title type short_title").execute().block(TIMEOUT);

        copying.insertAll(List.of(document(1), document(2))).then().block(TIMEOUT);

        assertThat(copyOperations).singleElement().satisfies(operation -> assertThat(operation.sql()).contains("VALUES"));
        assertThat(count(copying, "copy_document")).isEqualTo(2);
    }

    @Test
    void aServerErrorInTheMiddleOfTheStreamLeavesNothingWritten() {
        Database oneCopy = Database.builder(TestDatabases.postgres(PostgresCopyInsertTest.class)).converter(CODES)
                .insertChunkSize(ROWS).listener(recording(copyOperations)).build();
        List<Everything> rows = new ArrayList<>(IntStream.range(0, ROWS).mapToObj(PostgresCopyInsertTest::everything).toList());
        rows.set(60_000, everything(10));

        assertThatThrownBy(() -> oneCopy.insertAll(rows).then().block(TIMEOUT)).isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("copy_everything");

        assertThat(copyOperations).singleElement().satisfies(operation -> assertThat(operation.sql()).startsWith("COPY "));
        assertThat(count(oneCopy, "copy_everything")).isZero();
    }

    @Test
    void aClientErrorInTheMiddleOfTheStreamLeavesNothingWrittenAndTheConnectionUsable() {
        Database oneCopy = Database.builder(TestDatabases.pooled(TestDatabases.postgres(PostgresCopyInsertTest.class), 1))
                .converter(CODES).insertChunkSize(ROWS).listener(recording(copyOperations)).build();
        List<Everything> rows = new ArrayList<>(IntStream.range(0, ROWS).mapToObj(PostgresCopyInsertTest::everything).toList());
        Everything bad = rows.get(50_000);
        rows.set(50_000, new Everything(bad.id(), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, new Code("boom")));

        assertThatThrownBy(() -> oneCopy.insertAll(rows).then().block(TIMEOUT)).hasStackTraceContaining("refusing to encode boom");

        assertThat(copyOperations).singleElement().satisfies(operation -> assertThat(operation.sql()).startsWith("COPY "));
        assertThat(count(oneCopy, "copy_everything")).isZero();
        assertThat(oneCopy.insertAll(List.of(everything(1))).count().block(TIMEOUT)).isEqualTo(1);
        assertThat(count(oneCopy, "copy_everything")).isEqualTo(1);
    }

    @Test
    void copyRunsInTheUsersTransactionAndRollsBackWithIt() {
        List<Everything> rows = IntStream.range(0, 15_000).mapToObj(PostgresCopyInsertTest::everything).toList();

        assertThatThrownBy(() -> copying.inTransaction(tx -> copying.insertAll(rows).then(copying.count(Everything.class))
                        .flatMap(seen -> {
                            assertThat(seen).isEqualTo(15_000);
                            return reactor.core.publisher.Mono.error(new IllegalStateException("changed my mind"));
                        }))
                .blockLast(TIMEOUT)).hasMessageContaining("changed my mind");

        assertThat(copyOperations).hasSize(2).allSatisfy(operation -> {
            assertThat(operation.sql()).startsWith("COPY ");
            assertThat(operation.inTransaction()).isTrue();
            assertThat(operation.entityType()).isEqualTo(Everything.class);
        });
        assertThat(count(copying, "copy_everything")).isZero();
    }

    @Test
    void onlyThePostgresDialectCopiesAndItCanBeTurnedOff() {
        assertThat(new PostgresDialect().supports(Feature.BINARY_COPY)).isTrue();
        assertThat(new PostgresDialect().withBinaryCopy(false).supports(Feature.BINARY_COPY)).isFalse();
        assertThat(new PostgresDialect().withBinaryCopy(false).withArrayChunkSize(5).supports(Feature.BINARY_COPY)).isFalse();
        assertThat(new H2Dialect().supports(Feature.BINARY_COPY)).isFalse();
        assertThat(new MariaDbDialect().supports(Feature.BINARY_COPY)).isFalse();
    }

    // ---- helpers ----

    /** The two sides hold the same rows: same count, no row on one side only, same text of every row in id order. */
    private void assertSameRows(String table, int expected) {
        String copied = TestDatabases.schemaOf(PostgresCopyInsertTest.class) + "." + table;
        String statement = TestDatabases.schemaOf(StatementSide.class) + "." + table;
        assertThat(count(copying, table)).isEqualTo(expected);
        String onlyIn = "select count(*)::text from (select t::text from %s t except all select t::text from %s t) d";
        assertThat(scalar(onlyIn.formatted(copied, statement))).as("rows only copied; the first differences:%n%s",
                scalar("select string_agg(a::text || E'\\n' || b::text, E'\\n\\n') from (select a, b from " + copied
                        + " a join " + statement + " b using (id) where a::text is distinct from b::text order by id limit 4) d"))
                .isEqualTo("0");
        assertThat(scalar(onlyIn.formatted(statement, copied))).isEqualTo("0");
        String digest = "select md5(string_agg(t::text, E'\\n' order by t.id)) from %s t";
        assertThat(scalar(digest.formatted(copied))).isEqualTo(scalar(digest.formatted(statement)));
    }

    private String scalar(String sql) {
        return copying.sql(sql).map(row -> String.valueOf(row.get(0, String.class))).fetch().blockFirst(TIMEOUT);
    }

    private static long count(Database db, String table) {
        Long count = db.sql("select count(*) from " + table).map(row -> row.get(0, Long.class)).fetch().blockFirst(TIMEOUT);
        return count == null ? -1 : count;
    }

    private static final String[] TEXTS = {"plain", "", "Grüße, Ελληνικά, 日本語, עברית", "emoji 🚀🎉 and 𝄞",
            "quote ' and \" and \\ and \t tab", "e\u0301 combining", "line\nbreak\r\n", "x".repeat(5_000)};
    private static final BigDecimal[] AMOUNTS = {BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("-1.5"),
            new BigDecimal("12345678901234567890.123456789012345678"), new BigDecimal("1E+3"), new BigDecimal("0.0001"),
            new BigDecimal("-0.00000000000000000001"), new BigDecimal("99990000"), new BigDecimal("10000.0000")};
    private static final double[] RATIOS = {0.0, -0.0, 1.0 / 3, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300};
    private static final OffsetDateTime BASE = OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_500, ZoneOffset.ofHours(-7));

    /** Row {@code i}: every column set, except a rotating set of nulls (one row in 17 is all nulls). */
    static Everything everything(int i) {
        if (i % 17 == 16) {
            return new Everything((long) i, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
        }
        boolean gaps = i % 5 == 3;
        int nanos = switch (i % 6) {
            case 0 -> 0;
            case 1 -> 123_456_789;
            case 2 -> 500;
            case 3 -> 1_500;
            case 4 -> 999_999_500;
            default -> 2_500;
        };
        LocalDateTime at = LocalDateTime.of(1900 + i % 250, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, nanos);
        return new Everything((long) i,
                (short) (i % 3 == 0 ? Short.MIN_VALUE + i % 100 : Short.MAX_VALUE - i % 100),
                gaps ? null : i % 7 == 0 ? Integer.MIN_VALUE : i * 7919,
                i % 11 == 0 ? Long.MAX_VALUE : (long) i * -1_000_000_007L,
                AMOUNTS[i % AMOUNTS.length].add(BigDecimal.valueOf(i % 4 == 0 ? 0 : i, 3)),
                gaps ? null : TEXTS[i % TEXTS.length] + i,
                gaps ? null : i % 2 == 0,
                new UUID(i * 31L, -i),
                LocalDate.of(1 + i % 4000, 1 + i % 12, 1 + i % 28),
                i % 13 == 0 ? LocalTime.MAX : LocalTime.ofNanoOfDay((i * 1_000_003L * 1_000L + nanos) % 86_400_000_000_000L),
                at,
                gaps ? null : BASE.plusSeconds(i * 3_601L).withOffsetSameLocal(ZoneOffset.ofTotalSeconds((i % 28 - 14) * 1800)),
                Instant.ofEpochSecond(i * 86_399L - 2_000_000_000L, nanos),
                RATIOS[i % RATIOS.length] + (i % RATIOS.length > 5 ? 0 : i % 3),
                gaps ? null : i % 9 == 0 ? Float.NaN : i / 7f,
                Status.values()[i % 3],
                i % 10 == 9 ? null : Rating.values()[i % 5],
                gaps ? null : new Code("code-" + i));
    }

    static Document document(int i) {
        byte[] bytes = ("bytes " + i).getBytes(StandardCharsets.UTF_8);
        bytes[0] = 0;
        return new Document(new UUID(7, i), i % 4 == 1 ? null : i % 4 == 2 ? new byte[0] : bytes,
                i % 5 == 1 ? null : Json.of("{\"n\": " + i + ", \"text\": \"Grüße 🚀 " + i + "\", \"list\": [1, 2.50, null]}"),
                i % 3 == 0 ? null : TEXTS[i % (TEXTS.length - 1)]);
    }
}
