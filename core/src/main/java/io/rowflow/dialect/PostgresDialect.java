package io.rowflow.dialect;

import io.rowflow.convert.Converter;
import io.rowflow.convert.Json;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL over r2dbc-postgresql: {@code $n} markers, {@code RETURNING},
 * {@code INSERT ... ON CONFLICT DO UPDATE}, {@code interval} for {@code Duration} (bound through
 * the driver's {@code Interval} type, to microsecond precision), and array columns for arrays of
 * text, numbers, booleans and UUIDs ({@code text[]}, {@code integer[]}...), primitive arrays
 * ({@code int[]}) and {@code List}s of those elements ({@code List<String>}), and {@code jsonb}
 * for {@link Json} (bound through the driver's own JSON type).
 *
 * @since 0.1
 */
public final class PostgresDialect extends StandardSqlDialect {

    private final Set<Class<?>> nativeTypes;
    private final Set<Feature> features;
    private final int arrayChunkSize;
    private final boolean binaryCopy;

    /** Creates the dialect, with relationship keys bound in arrays of at most 10,000 values. */
    public PostgresDialect() {
        this(10_000, true);
    }

    private PostgresDialect(int arrayChunkSize, boolean binaryCopy) {
        this.arrayChunkSize = arrayChunkSize;
        this.binaryCopy = binaryCopy;
        Set<Class<?>> types = new HashSet<>(super.nativeTypes());
        types.addAll(ArrayColumns.NATIVE_ARRAYS);
        Class<?> interval = PostgresInterval.intervalType();
        if (interval != null) {
            types.add(interval);
        }
        Class<?> json = PostgresJson.jsonType();
        if (json != null) {
            types.add(json);
        }
        this.nativeTypes = Set.copyOf(types);
        EnumSet<Feature> supported = EnumSet.of(Feature.RETURNING, Feature.UPDATE_RETURNING, Feature.NULLS_ORDERING, Feature.ARRAY_PARAMETERS,
                Feature.ARRAY_COLUMNS, Feature.ILIKE, Feature.CASE_SENSITIVE_LIKE, Feature.UNBOUNDED_DECIMALS,
                Feature.DECIMAL_SCALE, Feature.READ_ONLY_TRANSACTIONS, Feature.NON_FINITE_FLOATS, Feature.CURSORS);
        if (interval != null) {
            supported.add(Feature.INTERVAL);
        }
        if (json != null) {
            supported.add(Feature.JSONB);
        }
        if (binaryCopy && DriverTypes.find("io.r2dbc.postgresql.api.PostgresqlConnection") != null) {
            supported.add(Feature.BINARY_COPY);
        }
        this.features = Collections.unmodifiableSet(supported);
    }

    /**
     * A copy splitting the keys of relationship follow-up queries into arrays of at most this many
     * values.
     *
     * @since 0.1
     */
    public PostgresDialect withArrayChunkSize(int values) {
        if (values < 1) {
            throw new IllegalArgumentException("arrayChunkSize must be positive: " + values);
        }
        return new PostgresDialect(values, binaryCopy);
    }

    /**
     * A copy that writes {@code insertAll} chunks with binary {@code COPY} where it can
     * ({@link Feature#BINARY_COPY}, the default) or always with {@code INSERT} statements
     * ({@code false}: for tables whose rules {@code COPY} would bypass).
     *
     * @since 0.2
     */
    public PostgresDialect withBinaryCopy(boolean enabled) {
        return new PostgresDialect(arrayChunkSize, enabled);
    }

    @Override
    public int arrayChunkSize() {
        return arrayChunkSize;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public boolean matches(String databaseProductName) {
        return databaseProductName.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    @Override
    public String bindMarker(int index) {
        return "$" + (index + 1);
    }

    /**
     * {@code RETURNING}, {@code NULLS FIRST/LAST}, {@code IN} values bound as one array
     * ({@code = ANY($1)}: one SQL text whatever the number of values), array columns, {@code ILIKE},
     * case-sensitive {@code LIKE}, unbounded {@code numeric}, read-only transactions, and
     * {@code interval} for durations and {@code jsonb} for {@link Json} when r2dbc-postgresql is on
     * the class path. Text cannot hold U+0000.
     */
    @Override
    public Set<Feature> features() {
        return features;
    }

    /** {@code DECLARE cursor NO SCROLL CURSOR FOR query}. */
    @Override
    public String declareCursor(String cursor, String query) {
        return "DECLARE " + cursor + " NO SCROLL CURSOR FOR " + query;
    }

    /** {@code FETCH FORWARD rows FROM cursor}. */
    @Override
    public String fetchFromCursor(String cursor, int rows) {
        return "FETCH FORWARD " + rows + " FROM " + cursor;
    }

    /** {@code CLOSE cursor}. */
    @Override
    public String closeCursor(String cursor) {
        return "CLOSE " + cursor;
    }

    /** {@code expression ILIKE pattern}. */
    @Override
    public String likeIgnoringCase(String expression, String pattern) {
        return expression + " ILIKE " + pattern;
    }

    /** {@code $n::type}: PostgreSQL converts no text parameter to an enum, say, without the cast. */
    @Override
    public String bindMarker(int index, @Nullable String databaseType) {
        return databaseType == null ? bindMarker(index) : bindMarker(index) + "::" + databaseType;
    }

    /** {@code SELECT nextval('seq') FROM generate_series(1, count)}. */
    @Override
    public String sequenceValues(String quotedSequence, int count) {
        return "SELECT nextval('" + quotedSequence + "') FROM generate_series(1, " + count + ")";
    }

    /** {@code nextval('seq')}. */
    @Override
    public String sequenceValue(String quotedSequence) {
        return "nextval('" + quotedSequence + "')";
    }

    @Override
    public String returning(String dataChangeStatement, List<String> quotedColumns) {
        return dataChangeStatement + " RETURNING " + String.join(", ", quotedColumns);
    }

    @Override
    public String upsert(Upsert upsert) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(upsert.table()).append(" AS t (")
                .append(String.join(", ", upsert.insertColumns())).append(") VALUES (");
        for (int i = 0; i < upsert.insertColumns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(upsert.valueMarker(this, i));
        }
        sql.append(") ON CONFLICT (").append(String.join(", ", upsert.keyColumns())).append(") DO UPDATE SET ");
        List<String> updates = upsert.updateColumns().isEmpty() ? upsert.keyColumns() : upsert.updateColumns();
        sql.append(updates.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", ")));
        if (upsert.versionColumn() != null) {
            sql.append(", ").append(upsert.versionColumn()).append(" = t.").append(upsert.versionColumn()).append(" + 1");
        }
        return returning(sql.toString(), upsert.returningColumns());
    }

    /** Types r2dbc-postgresql binds as arrays, with the array type each is cast to in {@code unnest}. */
    private static final java.util.Map<Class<?>, String> ARRAY_TYPES = java.util.Map.ofEntries(
            java.util.Map.entry(String.class, "text[]"),
            java.util.Map.entry(Integer.class, "integer[]"),
            java.util.Map.entry(Long.class, "bigint[]"),
            java.util.Map.entry(Short.class, "smallint[]"),
            java.util.Map.entry(Boolean.class, "boolean[]"),
            java.util.Map.entry(Double.class, "double precision[]"),
            java.util.Map.entry(Float.class, "real[]"),
            java.util.Map.entry(java.math.BigDecimal.class, "numeric[]"),
            java.util.Map.entry(java.util.UUID.class, "uuid[]"),
            java.util.Map.entry(java.time.LocalDate.class, "date[]"),
            java.util.Map.entry(java.time.LocalTime.class, "time[]"),
            java.util.Map.entry(java.time.LocalDateTime.class, "timestamp[]"),
            java.util.Map.entry(java.time.OffsetDateTime.class, "timestamptz[]"));

    /**
     * {@code INSERT INTO t (a, b) SELECT a, b FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY
     * AS u (a, b, n) ORDER BY n}: every row in one round trip, inserted in array order. Columns of
     * other types (bytea, interval, jsonb, arrays) make the statement fall back to {@code VALUES}.
     */
    @Override
    public @Nullable String arrayInsert(String table, List<String> quotedColumns, List<Class<?>> storedTypes) {
        return arrayInsert(table, quotedColumns, storedTypes, java.util.Collections.nCopies(quotedColumns.size(), null));
    }

    /**
     * The {@code unnest} insert, where a column with a declared type (an enum, a domain) binds
     * its array cast to that type's array ({@code $2::mpaa_rating[]}); columns whose declared type
     * is itself an array still fall back to {@code VALUES}.
     */
    @Override
    public @Nullable String arrayInsert(String table, List<String> quotedColumns, List<Class<?>> storedTypes,
                                        List<@Nullable String> databaseTypes) {
        StringBuilder arrays = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < quotedColumns.size(); i++) {
            String arrayType = arrayType(storedTypes.get(i), databaseTypes.get(i));
            if (arrayType == null) {
                return null;
            }
            arrays.append(i == 0 ? "" : ", ").append(bindMarker(i)).append("::").append(arrayType);
            aliases.append(i == 0 ? "" : ", ").append("c").append(i);
        }
        String columns = String.join(", ", quotedColumns);
        return "INSERT INTO " + table + " (" + columns + ") SELECT " + aliases + " FROM unnest(" + arrays
                + ") WITH ORDINALITY AS u (" + aliases + ", row_number) ORDER BY row_number";
    }

    /** The array type binding a column's values: its declared type's array, else the stored Java type's, else {@code null}. */
    private static @Nullable String arrayType(Class<?> storedType, @Nullable String declared) {
        return declared != null && !storedType.isArray() && !declared.endsWith("]")
                ? declared + "[]" : ARRAY_TYPES.get(storedType);
    }

    /** {@code unnest($1::bigint[], $2::text[]) AS u (c0, c1)}, or {@code null} for a column type without arrays here. */
    @Override
    public @Nullable String arrayRows(List<Class<?>> storedTypes, List<@Nullable String> databaseTypes, String alias,
                                      List<String> aliases) {
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < storedTypes.size(); i++) {
            String arrayType = arrayType(storedTypes.get(i), databaseTypes.get(i));
            if (arrayType == null) {
                return null;
            }
            arrays.append(i == 0 ? "" : ", ").append(bindMarker(i)).append("::").append(arrayType);
        }
        return "unnest(" + arrays + ") AS " + alias + " (" + String.join(", ", aliases) + ")";
    }

    /**
     * {@code unnest($1::bigint[], ...) AS alias(k0, ...)}: PostgreSQL joins it {@code LATERAL} to a
     * top-N subquery per key, which measured faster than ranking every matching row with a window
     * function (1,000 parents × 10 children, 3 per parent: 3.4 ms against 16–130 ms);
     * {@code null} for element types without an array type here.
     */
    @Override
    public @Nullable String keyTable(List<String> arrayMarkers, List<Class<?>> storedTypes, String alias,
                                     List<String> columns) {
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < arrayMarkers.size(); i++) {
            String arrayType = ARRAY_TYPES.get(storedTypes.get(i));
            if (arrayType == null) {
                return null;
            }
            arrays.append(i == 0 ? "" : ", ").append(arrayMarkers.get(i)).append("::").append(arrayType);
        }
        return "unnest(" + arrays + ") AS " + alias + "(" + String.join(", ", columns) + ")";
    }

    /**
     * {@code (a, b) IN (SELECT * FROM unnest($1::integer[], $2::text[]))}: one text whatever the
     * number of key tuples; {@code null} for element types without an array type here.
     */
    @Override
    public @Nullable String inArrays(List<String> expressions, List<String> arrayMarkers, List<Class<?>> storedTypes) {
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < expressions.size(); i++) {
            String arrayType = ARRAY_TYPES.get(storedTypes.get(i));
            if (arrayType == null) {
                return null;
            }
            arrays.append(i == 0 ? "" : ", ").append(arrayMarkers.get(i)).append("::").append(arrayType);
        }
        return "(" + String.join(", ", expressions) + ") IN (SELECT * FROM unnest(" + arrays + "))";
    }

    @Override
    public Set<Class<?>> nativeTypes() {
        return nativeTypes;
    }

    @Override
    public @Nullable Converter<?, ?> converterFor(Class<?> javaType) {
        if (javaType == Duration.class) {
            return PostgresInterval.converter();
        }
        if (javaType == Json.class) {
            return PostgresJson.converter();
        }
        return ArrayColumns.converterFor(javaType);
    }

    @Override
    public String columnType(Class<?> storedType, int length, int precision, int scale) {
        Class<?> interval = PostgresInterval.intervalType();
        if (interval != null && storedType == interval) {
            return "interval";
        }
        Class<?> json = PostgresJson.jsonType();
        if (json != null && storedType == json) {
            return "jsonb";
        }
        if (ArrayColumns.NATIVE_ARRAYS.contains(storedType)) {
            return super.columnType(storedType.getComponentType(), length, precision, scale) + "[]";
        }
        return super.columnType(storedType, length, precision, scale);
    }

    @Override
    protected String unboundedTextType() {
        return "text";
    }

    @Override
    protected String unboundedDecimalType() {
        return "numeric";
    }

    @Override
    protected String binaryType() {
        return "bytea";
    }

    @Override
    public String toString() {
        return "PostgresDialect";
    }
}
