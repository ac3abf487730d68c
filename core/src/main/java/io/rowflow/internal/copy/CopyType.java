package io.rowflow.internal.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL column types binary COPY writes, each with the stored (driver) Java types it
 * accepts and its binary form ({@code typsend}/{@code typrecv}). A column whose type is not here,
 * or whose stored type it does not accept, cannot be copied: the insert stays an {@code unnest}.
 * Values are written exactly as the server would parse the driver's text form of them
 * (fractions of microseconds rounded half up, as the statement path stores them).
 */
enum CopyType {

    SMALLINT(Set.of(Short.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.writeInt(2).writeShort((Short) value);
        }
    },
    INTEGER(Set.of(Integer.class, Short.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.writeInt(4).writeInt(((Number) value).intValue());
        }
    },
    BIGINT(Set.of(Long.class, Integer.class, Short.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.writeInt(8).writeLong(((Number) value).longValue());
        }
    },
    REAL(Set.of(Float.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.writeInt(4).writeInt(Float.floatToRawIntBits((Float) value));
        }
    },
    DOUBLE(Set.of(Double.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.writeInt(8).writeLong(Double.doubleToRawLongBits((Double) value));
        }
    },
    NUMERIC(Set.of(BigDecimal.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            writeNumeric(out, (BigDecimal) value);
        }
    },
    TEXT(Set.of(String.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length).writeBytes(bytes);
        }
    },
    BOOLEAN(Set.of(Boolean.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.writeInt(1).writeByte((Boolean) value ? 1 : 0);
        }
    },
    UUID_TYPE(Set.of(UUID.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            UUID uuid = (UUID) value;
            out.writeInt(16).writeLong(uuid.getMostSignificantBits()).writeLong(uuid.getLeastSignificantBits());
        }
    },
    DATE(Set.of(LocalDate.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            out.writeInt(4).writeInt(Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
        }
    },
    TIME(Set.of(LocalTime.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            LocalTime time = (LocalTime) value;
            out.writeInt(8).writeLong(micros(time.toSecondOfDay(), time.getNano()));
        }
    },
    TIMESTAMP(Set.of(LocalDateTime.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            LocalDateTime timestamp = (LocalDateTime) value;
            out.writeInt(8).writeLong(micros(timestamp.toEpochSecond(ZoneOffset.UTC) - POSTGRES_EPOCH_SECOND,
                    timestamp.getNano()));
        }
    },
    TIMESTAMPTZ(Set.of(OffsetDateTime.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            OffsetDateTime timestamp = (OffsetDateTime) value;
            out.writeInt(8).writeLong(micros(timestamp.toEpochSecond() - POSTGRES_EPOCH_SECOND, timestamp.getNano()));
        }
    },
    BYTEA(Set.of(byte[].class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            byte[] bytes = (byte[]) value;
            out.writeInt(bytes.length).writeBytes(bytes);
        }
    },
    JSON(Set.of(io.r2dbc.postgresql.codec.Json.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            byte[] bytes = ((io.r2dbc.postgresql.codec.Json) value).asArray();
            out.writeInt(bytes.length).writeBytes(bytes);
        }
    },
    JSONB(Set.of(io.r2dbc.postgresql.codec.Json.class)) {
        @Override
        void write(CopyBuffer out, Object value) {
            byte[] bytes = ((io.r2dbc.postgresql.codec.Json) value).asArray();
            out.writeInt(bytes.length + 1).writeByte(1).writeBytes(bytes);
        }
    };

    /** 2000-01-01, PostgreSQL's epoch, in days and seconds since 1970-01-01. */
    static final long POSTGRES_EPOCH_DAY = 10_957;
    static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;

    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final Set<Class<?>> storedTypes;

    CopyType(Set<Class<?>> storedTypes) {
        this.storedTypes = storedTypes;
    }

    /** Writes the length and the binary form of a non-null value of an accepted stored type. */
    abstract void write(CopyBuffer out, Object value);

    /** Whether values of this stored type are written by this column type. */
    boolean accepts(Class<?> storedType) {
        return storedTypes.contains(storedType);
    }

    /**
     * The type of a column named by {@code pg_type.typname} and {@code typtype}, or {@code null} when
     * binary COPY does not write it here (arrays, domains, intervals, ranges, {@code inet}...).
     * Enum types take their label as text.
     */
    static @Nullable CopyType of(String typeName, String typeKind) {
        if ("e".equals(typeKind)) {
            return TEXT;
        }
        if (!"b".equals(typeKind)) {
            return null;
        }
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "int2" -> SMALLINT;
            case "int4" -> INTEGER;
            case "int8" -> BIGINT;
            case "float4" -> REAL;
            case "float8" -> DOUBLE;
            case "numeric" -> NUMERIC;
            case "text", "varchar", "bpchar" -> TEXT;
            case "bool" -> BOOLEAN;
            case "uuid" -> UUID_TYPE;
            case "date" -> DATE;
            case "time" -> TIME;
            case "timestamp" -> TIMESTAMP;
            case "timestamptz" -> TIMESTAMPTZ;
            case "bytea" -> BYTEA;
            case "json" -> JSON;
            case "jsonb" -> JSONB;
            default -> null;
        };
    }

    /**
     * Whole microseconds, a fraction of a microsecond rounded half up, as the values the driver
     * binds for {@code unnest} are stored ({@code .0000005} becomes {@code .000001}).
     */
    static long micros(long seconds, int nanos) {
        return seconds * 1_000_000 + (nanos + 500) / 1_000;
    }

    /**
     * {@code numeric}'s binary form: digit count, weight of the first base-10,000 digit, sign,
     * display scale, then the digits. A negative scale is written as scale 0, as PostgreSQL reads
     * {@code 1E+3}.
     */
    static void writeNumeric(CopyBuffer out, BigDecimal value) {
        BigDecimal decimal = value.scale() < 0 ? value.setScale(0) : value;
        int scale = decimal.scale();
        BigInteger unscaled = decimal.unscaledValue().abs();
        // Align the fraction to whole base-10,000 digits: pad the scale up to a multiple of 4.
        int padding = (4 - scale % 4) % 4;
        BigInteger aligned = unscaled.multiply(BigInteger.TEN.pow(padding));
        int fractionDigits = (scale + padding) / 4;
        java.util.ArrayDeque<Integer> digits = new java.util.ArrayDeque<>();
        while (aligned.signum() > 0) {
            BigInteger[] parts = aligned.divideAndRemainder(TEN_THOUSAND);
            digits.addFirst(parts[1].intValue());
            aligned = parts[0];
        }
        int weight = digits.size() - fractionDigits - 1;
        while (!digits.isEmpty() && digits.peekFirst() == 0) {
            digits.removeFirst();
            weight--;
        }
        while (!digits.isEmpty() && digits.peekLast() == 0) {
            digits.removeLast();
        }
        if (digits.isEmpty()) {
            weight = 0;
        }
        int length = 8 + 2 * digits.size();
        out.writeInt(length).writeShort(digits.size()).writeShort(weight)
                .writeShort(decimal.signum() < 0 ? 0x4000 : 0).writeShort(scale);
        for (int digit : digits) {
            out.writeShort(digit);
        }
    }
}
