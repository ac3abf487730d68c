package io.rowflow.dialect;

import io.rowflow.convert.Converter;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.time.temporal.UnsupportedTemporalTypeException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Duration} is stored on PostgreSQL. r2dbc-postgresql has no codec for
 * {@code Duration}, only for its own {@code io.r2dbc.postgresql.codec.Interval}; that class is
 * looked up reflectively so that core does not depend on the driver. With it, a duration is
 * bound as an {@code interval} (truncated to the microseconds PostgreSQL keeps) and read back
 * with PostgreSQL's own reading of months as 30 days and years as 365.25 days, as in
 * {@code EXTRACT(EPOCH FROM interval)}. Without the driver class, durations are stored as
 * microseconds in a {@code bigint}.
 */
final class PostgresInterval {

    private static final String INTERVAL_CLASS = "io.r2dbc.postgresql.codec.Interval";
    private static final List<ChronoUnit> FIELDS = List.of(ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.DAYS,
            ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS, ChronoUnit.MICROS);
    private static final Duration YEAR = Duration.ofSeconds(31_557_600);
    private static final Duration MONTH = Duration.ofDays(30);

    private static final Converter<Duration, Long> AS_MICROSECONDS = Converter.of(Duration.class, Long.class,
            PostgresInterval::microseconds, micros -> Duration.of(micros, ChronoUnit.MICROS));

    private PostgresInterval() {
    }

    /** The driver's interval class, or {@code null} when r2dbc-postgresql is not on the class path. */
    static @Nullable Class<?> intervalType() {
        return Holder.TYPE;
    }

    /** The converter storing durations: as the driver's interval when available, else as microseconds. */
    static Converter<Duration, ?> converter() {
        return Holder.CONVERTER;
    }

    private static Converter<Duration, ?> intervalConverter(Class<?> type, MethodHandle of) {
        @SuppressWarnings("unchecked")
        Class<Object> intervalType = (Class<Object>) type;
        return Converter.of(Duration.class, intervalType, duration -> toInterval(of, duration),
                interval -> toDuration((TemporalAmount) interval));
    }

    private static Object toInterval(MethodHandle of, Duration duration) {
        return DriverTypes.invoke(of, duration.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Adds up the fields of the driver's interval; each is a signed part, such as minutes within
     * the hour. Every field is asked for: the driver's {@code getUnits()} leaves out minutes.
     */
    static Duration toDuration(TemporalAmount interval) {
        Duration total = Duration.ZERO;
        for (ChronoUnit unit : FIELDS) {
            long amount;
            try {
                amount = interval.get(unit);
            } catch (UnsupportedTemporalTypeException e) {
                continue;
            }
            if (amount != 0) {
                total = total.plus(lengthOf(unit).multipliedBy(amount));
            }
        }
        return total;
    }

    /** The whole microseconds of a duration, failing rather than overflowing beyond 292,000 years. */
    private static long microseconds(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1_000);
    }

    private static Duration lengthOf(ChronoUnit unit) {
        return switch (unit) {
            case YEARS -> YEAR;
            case MONTHS -> MONTH;
            default -> unit.getDuration();
        };
    }

    /** Resolves the driver class once, on first use. */
    private static final class Holder {
        static final @Nullable Class<?> TYPE = DriverTypes.find(INTERVAL_CLASS);
        static final Converter<Duration, ?> CONVERTER =
                TYPE == null ? AS_MICROSECONDS : intervalConverter(TYPE, DriverTypes.factory(TYPE, "of", Duration.class));
    }
}
