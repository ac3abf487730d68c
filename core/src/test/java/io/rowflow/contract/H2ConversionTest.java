package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.fixtures.ConversionSample;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The conversion suite on embedded H2, plus how H2 stores durations. */
class H2ConversionTest extends ConversionContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.h2();
    }

    @Test
    void durationIsStoredAsNanosecondsInABigint() {
        ConversionSample sample = ConversionSample.withId(100);
        sample.durationValue = Duration.ofDays(3).plusNanos(1);
        db.insert(sample).block();

        Long nanos = db.sql("select duration_value from conversion_sample").mapTo(Long.class).fetchOne().block();

        assertThat(nanos).isEqualTo(3 * 86_400_000_000_000L + 1);
        assertThat(db.findById(ConversionSample.class, 100L).block().durationValue).isEqualTo(Duration.ofDays(3).plusNanos(1));
    }
}
