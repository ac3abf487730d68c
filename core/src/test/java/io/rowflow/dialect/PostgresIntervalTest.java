package io.rowflow.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.postgresql.codec.Interval;
import io.rowflow.convert.Converter;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** How PostgreSQL's dialect turns durations into the driver's interval and back, without a database. */
class PostgresIntervalTest {

    @SuppressWarnings("unchecked")
    private final Converter<Duration, Object> converter =
            (Converter<Duration, Object>) new PostgresDialect().converterFor(Duration.class);

    @Test
    void durationsAreBoundAsTheDriversInterval() {
        assertThat(PostgresInterval.intervalType()).isEqualTo(Interval.class);
        assertThat(converter.databaseType()).isEqualTo(Interval.class);
        assertThat(new PostgresDialect().nativeTypes()).contains(Interval.class).doesNotContain(Duration.class);
        assertThat(new PostgresDialect().columnType(Interval.class, 0, 0, 0)).isEqualTo("interval");
    }

    @Test
    void roundTripsToMicrosecondsIncludingNegativeDurations() {
        Duration[] durations = {
            Duration.ZERO,
            Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(789_012_000),
            Duration.ofSeconds(-90).minusNanos(5_000),
            Duration.ofDays(10_000).plusNanos(999_999_000),
        };
        for (Duration duration : durations) {
            assertThat(converter.fromDatabase(converter.toDatabase(duration))).as("%s", duration).isEqualTo(duration);
        }
    }

    @Test
    void nanosecondsBeyondMicrosecondsAreTruncated() {
        Object interval = converter.toDatabase(Duration.ofSeconds(1, 123_456_789));

        assertThat(converter.fromDatabase(interval)).isEqualTo(Duration.ofSeconds(1, 123_456_000));
    }

    @Test
    void readsMonthsAsThirtyDaysAndYearsAsThreeHundredSixtyFiveAndAQuarterDays() {
        Interval interval = Interval.of(1, 2, 3, 4, 5, 6, 7);

        assertThat(converter.fromDatabase(interval)).isEqualTo(Duration.ofDays(365).plusHours(6).plusDays(60 + 3)
                .plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(7_000));
    }

    @Test
    void readsAnyTemporalAmountThroughTheFieldsItSupports() {
        assertThat(PostgresInterval.toDuration(Period.ofDays(2))).isEqualTo(Duration.ofDays(2));
    }
}
