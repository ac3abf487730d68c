package io.rowflow.dialect;

import io.rowflow.convert.Converter;
import io.rowflow.convert.Json;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Storage conventions shared by the built-in dialects for types a database lacks. */
final class StorageConventions {

    /** {@code Duration} as whole nanoseconds in a {@code bigint} (about ±292 years). */
    static final Converter<Duration, Long> DURATION_AS_NANOSECONDS =
            Converter.of(Duration.class, Long.class, Duration::toNanos, Duration::ofNanos);

    /**
     * {@code OffsetDateTime} as its instant's date and time in UTC, for databases without a time
     * zone-aware type: the instant survives, the offset does not (read back as {@code +00:00}).
     */
    static final Converter<OffsetDateTime, LocalDateTime> OFFSET_DATE_TIME_AS_UTC = Converter.of(
            OffsetDateTime.class, LocalDateTime.class,
            value -> value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(),
            value -> value.atOffset(ZoneOffset.UTC));

    /** {@code Json} as its text, where the database has no JSON type the driver binds. */
    static final Converter<Json, String> JSON_AS_TEXT = Converter.of(Json.class, String.class, Json::text, Json::new);

    private StorageConventions() {
    }
}
