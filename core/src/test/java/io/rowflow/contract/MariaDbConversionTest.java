package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.fixtures.ConversionSample;
import io.rowflow.test.TestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The conversion suite on the real MariaDB server, plus MariaDB's storage conventions. */
class MariaDbConversionTest extends ConversionContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Test
    void columnsGetTheDocumentedTypes() {
        Map<String, String> types = new java.util.HashMap<>();
        db.sql("select column_name, column_type from information_schema.columns "
                        + "where table_schema = database() and table_name = 'conversion_sample'")
                .map(row -> Map.entry(row.get("column_name", String.class), row.get("column_type", String.class)))
                .fetch().toIterable().forEach(e -> types.put(e.getKey(), e.getValue()));

        assertThat(types).containsEntry("uuid_value", "uuid")
                .containsEntry("boolean_wrapper", "tinyint(1)")
                .containsEntry("float_wrapper", "double")
                .containsEntry("date_time_value", "datetime(6)")
                .containsEntry("offset_date_time_value", "datetime(6)")
                .containsEntry("instant_value", "datetime(6)")
                .containsEntry("time_value", "time(6)")
                .containsEntry("duration_value", "bigint(20)")
                .containsEntry("decimal_value", "decimal(65,30)")
                .containsEntry("text_value", "longtext")
                .containsEntry("bytes_value", "longblob");
    }

    @Test
    void instantsAndOffsetDateTimesAreStoredAsUtcWhateverTheSessionTimeZone() {
        ConversionSample sample = ConversionSample.withId(100);
        sample.instantValue = Instant.parse("2024-03-31T01:30:00.123456Z");
        sample.offsetDateTimeValue = OffsetDateTime.of(2024, 3, 31, 3, 30, 0, 0, ZoneOffset.ofHours(2));
        db.insert(sample).block(TIMEOUT);

        List<String> stored = db.inTransaction(tx -> db.sql("set time_zone = '+05:30'").execute()
                        .thenMany(db.sql("select cast(instant_value as char), cast(offset_date_time_value as char) "
                                        + "from conversion_sample")
                                .map(row -> row.get(0, String.class) + " / " + row.get(1, String.class)).fetch()))
                .collectList().block(TIMEOUT);
        ConversionSample loaded = db.findById(ConversionSample.class, 100L).block(TIMEOUT);

        assertThat(stored).containsExactly("2024-03-31 01:30:00.123456 / 2024-03-31 01:30:00.000000");
        assertThat(loaded.instantValue).isEqualTo(sample.instantValue);
        assertThat(loaded.offsetDateTimeValue).isEqualTo(OffsetDateTime.of(2024, 3, 31, 1, 30, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void localDateTimeIsNotShiftedBySessionTimeZone() {
        ConversionSample sample = ConversionSample.withId(101);
        sample.dateTimeValue = LocalDateTime.of(2024, 3, 31, 2, 30, 0, 500_000);
        db.insert(sample).block(TIMEOUT);

        LocalDateTime read = db.inTransaction(tx -> db.sql("set time_zone = '-11:00'").execute()
                        .then(db.findById(ConversionSample.class, 101L)))
                .blockLast(TIMEOUT).dateTimeValue;

        assertThat(read).isEqualTo(LocalDateTime.of(2024, 3, 31, 2, 30, 0, 500_000));
    }

    @Test
    void uuidIsReadableTextInTheNativeUuidColumnAndBindsAsText() {
        UUID id = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        ConversionSample sample = ConversionSample.withId(102);
        sample.uuidValue = id;
        db.insert(sample).block(TIMEOUT);

        String text = db.sql("select cast(uuid_value as char) from conversion_sample").mapTo(String.class)
                .fetchOne().block(TIMEOUT);
        Long found = db.sql("select id from conversion_sample where uuid_value = :id").bind("id", id)
                .mapTo(Long.class).fetchOne().block(TIMEOUT);

        assertThat(text).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        assertThat(found).isEqualTo(102L);
    }

    @Test
    void decimalWithoutDeclaredPrecisionRoundsFractionDigitsBeyondThirty() {
        ConversionSample sample = ConversionSample.withId(103);
        sample.decimalValue = new BigDecimal("-1.0000000000000000000000000000000000000000000000001");

        BigDecimal read = db.insert(sample).then(db.findById(ConversionSample.class, 103L)).block(TIMEOUT).decimalValue;

        assertThat(read).as("MariaDB rounds with a note, not an error").isEqualTo(new BigDecimal("-1.000000000000000000000000000000"));
    }

    @Test
    void durationIsStoredAsNanosecondsInABigint() {
        ConversionSample sample = ConversionSample.withId(104);
        sample.durationValue = Duration.ofDays(10_000).plusNanos(1);
        db.insert(sample).block(TIMEOUT);

        Long nanos = db.sql("select duration_value from conversion_sample").mapTo(Long.class).fetchOne().block(TIMEOUT);

        assertThat(nanos).isEqualTo(Duration.ofDays(10_000).toNanos() + 1);
    }
}
