package io.rowflow.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.annotation.EnumType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.convert.Json;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.convert.ValueCodec;
import java.io.IOException;
import io.rowflow.test.TestDatabases;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Keeps the feature matrix of {@code docs/dialects.md} true: the table between its markers must be
 * exactly what the built-in dialects declare, rendered here, and declarations about stored values
 * are checked against what the real databases store. When a dialect changes, the failure message
 * holds the table to paste.
 */
class FeatureMatrixTest {

    private static final Path DOCUMENT = Path.of("../docs/dialects.md");
    private static final String START = "<!-- feature matrix: generated from the dialects, checked by FeatureMatrixTest -->";
    private static final String END = "<!-- end of feature matrix -->";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<Dialect> DIALECTS = List.of(new PostgresDialect(), new MariaDbDialect(), new H2Dialect());

    @Test
    void docsShowWhatTheDialectsDeclare() throws IOException {
        String document = Files.readString(DOCUMENT);
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        assertThat(start).as("%s has the start marker", DOCUMENT).isNotNegative();
        assertThat(end).as("%s has the end marker", DOCUMENT).isGreaterThan(start);

        String documented = document.substring(start + START.length(), end).strip();

        assertThat(documented).as("the feature matrix in docs/dialects.md; paste this table between the markers:%n%n%s%n",
                matrix()).isEqualTo(matrix());
    }

    @Test
    void everyBuiltInDialectIsInTheMatrixAndDetectedByItsDriversProductName() {
        assertThat(Dialect.builtIns()).extracting(Dialect::name)
                .containsExactlyInAnyOrderElementsOf(DIALECTS.stream().map(Dialect::name).toList());
        Map<String, String> products = Map.of("PostgreSQL", "PostgreSQL", "MariaDB", "MariaDB", "H2", "H2");
        products.forEach((product, dialect) -> assertThat(Dialect.builtIns().stream().filter(d -> d.matches(product))
                .map(Dialect::name).toList()).as(product).containsExactly(dialect));
    }

    @Test
    void everyFeatureHasARowAndADescription() {
        for (Feature feature : Feature.values()) {
            assertThat(feature.description()).isNotBlank();
            assertThat(matrix()).contains("| " + feature.description() + " |");
        }
    }

    /** A decimal without declared precision, to observe what each database does with one. */
    @Table(name = "decimal_probe")
    record DecimalProbe(@Id Long id, BigDecimal amount) {
    }

    @Test
    void decimalDeclarationsAreWhatEachDatabaseStores() {
        for (ConnectionFactory factory : List.of(TestDatabases.postgres(FeatureMatrixTest.class),
                TestDatabases.mariadb(FeatureMatrixTest.class), TestDatabases.h2())) {
            Database db = Database.builder(factory).build();
            String name = db.dialect().name();
            db.schema().dropIfExists(DecimalProbe.class).then(db.schema().create(DecimalProbe.class)).block(WAIT);
            BigDecimal withTrailingZero = new BigDecimal("9.90");
            BigDecimal huge = new BigDecimal(BigInteger.TWO.pow(300).add(BigInteger.ONE));

            db.insert(new DecimalProbe(1L, withTrailingZero)).block(WAIT);
            boolean hugeStored = db.insert(new DecimalProbe(2L, huge)).map(probe -> true)
                    .onErrorResume(DataAccessException.class, e -> Mono.just(false)).block(WAIT);
            BigDecimal read = db.findById(DecimalProbe.class, 1L).block(WAIT).amount();
            boolean hugeKept = hugeStored && huge.equals(db.findById(DecimalProbe.class, 2L).block(WAIT).amount());

            assertThat(read).as("%s reads back 9.90", name).isEqualByComparingTo(withTrailingZero);
            assertThat(read.equals(withTrailingZero)).as("%s keeps the scale of 9.90 (read %s) as declared", name, read)
                    .isEqualTo(db.dialect().supports(Feature.DECIMAL_SCALE));
            assertThat(hugeKept).as("%s stores 2^300 + 1 unchanged as declared", name)
                    .isEqualTo(db.dialect().supports(Feature.UNBOUNDED_DECIMALS));
        }
    }

    /** The Markdown table: one column per dialect, one row per declaration. */
    static String matrix() {
        List<String> lines = new ArrayList<>();
        lines.add("| | " + DIALECTS.stream().map(Dialect::name).collect(Collectors.joining(" | ")) + " |");
        lines.add("| --- |" + " --- |".repeat(DIALECTS.size()));
        row(lines, "bind markers", d -> code(d.bindMarker(0) + ", " + d.bindMarker(1)));
        row(lines, "quoted identifier", d -> code(d.quote("order")));
        row(lines, "bind parameters per statement", d -> String.format("%,d", d.maxBindParameters()));
        row(lines, "keys per follow-up query", d -> d.supports(Feature.ARRAY_PARAMETERS) ? "one array, any number"
                : String.format("`IN` lists of %,d", d.inListChunkSize()));
        row(lines, "paging with an offset only", d -> code(d.paging(null, d.bindMarker(0)).strip()));
        for (Feature feature : Feature.values()) {
            row(lines, feature.description(), d -> d.supports(feature) ? "yes" : "no");
        }
        row(lines, "generated `Long` id", d -> code(d.identityColumn(Long.class)));
        row(lines, "a block of 500 sequence values", d -> code(d.sequenceValues(d.quote("seq"), 500)));
        type(lines, "`String`", String.class);
        row(lines, "`String` in a key", d -> code(d.keyColumnType(String.class, 0, 0, 0)));
        type(lines, "`BigDecimal`", BigDecimal.class);
        type(lines, "`boolean`", Boolean.class);
        type(lines, "`double`", Double.class);
        type(lines, "`float`", Float.class);
        type(lines, "`UUID`", UUID.class);
        type(lines, "`LocalDate`", LocalDate.class);
        type(lines, "`LocalTime`", LocalTime.class);
        type(lines, "`LocalDateTime`", LocalDateTime.class);
        type(lines, "`OffsetDateTime`", OffsetDateTime.class);
        type(lines, "`Instant`", Instant.class);
        type(lines, "`Duration`", Duration.class);
        type(lines, "`byte[]`", byte[].class);
        type(lines, "`int[]`", int[].class);
        type(lines, "`String[]`, `List<String>`", String[].class);
        type(lines, "`Json`", Json.class);
        return String.join("\n", lines);
    }

    /** The column type a property of this Java type gets (without declared length or precision). */
    private static void type(List<String> lines, String label, Class<?> javaType) {
        row(lines, label, dialect -> {
            ValueCodec codec = new ConverterRegistry(Map.of(), dialect).codecFor(javaType, EnumType.NAME);
            return codec == null ? "not stored" : code(dialect.columnType(codec.storedType(), 0, 0, 0));
        });
    }

    private static void row(List<String> lines, String label, Function<Dialect, String> cell) {
        lines.add("| " + label + " | " + DIALECTS.stream().map(cell).collect(Collectors.joining(" | ")) + " |");
    }

    /** A Markdown code span, with double backticks around text that contains one. */
    private static String code(String text) {
        return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
    }
}
