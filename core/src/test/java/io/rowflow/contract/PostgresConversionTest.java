package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.convert.Json;
import io.rowflow.fixtures.Address;
import io.rowflow.fixtures.ConversionSample;
import io.rowflow.fixtures.DocumentSample;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversion suite on the real PostgreSQL server, plus how PostgreSQL stores durations. */
class PostgresConversionTest extends ConversionContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Test
    void durationIsStoredAsIntervalTruncatedToMicroseconds() {
        ConversionSample sample = ConversionSample.withId(100);
        sample.durationValue = Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(789_012_345);
        db.insert(sample).block();

        Boolean sameInterval = db.sql("select duration_value = interval '3 days 04:05:06.789012' from conversion_sample")
                .mapTo(Boolean.class).fetchOne().block();
        String columnType = db.sql("select data_type from information_schema.columns "
                        + "where table_name = 'conversion_sample' and column_name = 'duration_value' "
                        + "and table_schema = current_schema()")
                .mapTo(String.class).fetchOne().block();

        assertThat(sameInterval).isTrue();
        assertThat(columnType).isEqualTo("interval");
        assertThat(db.findById(ConversionSample.class, 100L).block().durationValue)
                .isEqualTo(Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(789_012_000));
    }

    @Test
    void jsonIsStoredAsJsonbThatQueriesCanLookInto() {
        db.schema().dropIfExists(DocumentSample.class).then(db.schema().create(DocumentSample.class)).block();
        DocumentSample sample = DocumentSample.withId(1);
        sample.raw = Json.of("{\"tags\": [\"sf\", \"classic\"], \"pages\": 387}");
        sample.address = new Address("1 Main St", "Zürich", "8001");
        db.insert(sample).block();

        String cityAndTag = db.sql("select (address ->> 'city') || ' ' || (raw -> 'tags' ->> 1) from document_sample "
                        + "where raw @> cast(:filter as jsonb)")
                .bind("filter", "{\"pages\": 387}").mapTo(String.class).fetchOne().block();
        List<String> types = db.sql("select data_type from information_schema.columns where table_name = 'document_sample' "
                        + "and column_name in ('raw', 'address') and table_schema = current_schema()")
                .mapTo(String.class).fetch().collectList().block();

        assertThat(cityAndTag).isEqualTo("Zürich classic");
        assertThat(types).containsExactly("jsonb", "jsonb");
        assertThat(db.findById(DocumentSample.class, 1L).block().raw.text())
                .as("jsonb normalises the text").isEqualTo("{\"tags\": [\"sf\", \"classic\"], \"pages\": 387}");
    }

    @Test
    void intervalsWrittenByOtherClientsReadWithPostgresMonthAndYearLengths() {
        db.insert(ConversionSample.withId(101)).block();
        db.sql("update conversion_sample set duration_value = interval '1 year 2 months 3 days 04:05:06.000007'")
                .execute().block();

        Duration read = db.findById(ConversionSample.class, 101L).block().durationValue;
        Long epochSeconds = db.sql("select extract(epoch from duration_value)::bigint from conversion_sample")
                .mapTo(Long.class).fetchOne().block();

        assertThat(read).isEqualTo(Duration.ofDays(365).plusHours(6).plusDays(60).plusDays(3)
                .plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(7_000));
        assertThat(read.getSeconds()).as("the same length PostgreSQL computes").isEqualTo(epochSeconds);
    }
}
