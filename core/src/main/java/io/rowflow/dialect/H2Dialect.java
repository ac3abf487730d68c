package io.rowflow.dialect;

import io.rowflow.convert.Converter;
import io.rowflow.convert.Json;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * H2 2.x over r2dbc-h2: {@code $n} markers, {@code SELECT ... FROM FINAL TABLE (...)} to read
 * generated values, standard {@code MERGE} for upsert, {@code Duration} stored as nanoseconds,
 * {@link Json} as text (binding text to H2's own {@code JSON} type would store a JSON string).
 *
 * <p>Rowflow quotes every identifier, so tables it creates have lower-case names. Add
 * {@code DATABASE_TO_LOWER=TRUE} to the H2 URL if hand-written SQL should find them unquoted.
 *
 * @since 0.1
 */
public final class H2Dialect extends StandardSqlDialect {

    private static final Set<Feature> FEATURES = Collections.unmodifiableSet(EnumSet.of(Feature.RETURNING, Feature.UPDATE_RETURNING,
            Feature.NULLS_ORDERING, Feature.CASE_SENSITIVE_LIKE, Feature.UNBOUNDED_DECIMALS, Feature.NUL_IN_TEXT,
            Feature.NON_FINITE_FLOATS));

    /** Creates the dialect. */
    public H2Dialect() {
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public boolean matches(String databaseProductName) {
        return databaseProductName.toLowerCase(Locale.ROOT).equals("h2");
    }

    /** {@code RETURNING} (through {@code FINAL TABLE}), {@code NULLS FIRST/LAST}, case-sensitive {@code LIKE}, unbounded decimals, NUL in text. */
    @Override
    public Set<Feature> features() {
        return FEATURES;
    }

    @Override
    public String bindMarker(int index) {
        return "$" + (index + 1);
    }

    /**
     * {@code CAST($n AS VARCHAR)}: r2dbc-h2 binds text as a {@code CLOB}, which an {@code ENUM}
     * column (or a domain over one) refuses; as {@code VARCHAR} H2 converts it to the column's type.
     * Declared array types keep the plain marker.
     */
    @Override
    public String bindMarker(int index, @Nullable String databaseType) {
        return databaseType == null || databaseType.endsWith("]") ? bindMarker(index)
                : "CAST(" + bindMarker(index) + " AS VARCHAR)";
    }

    /** {@code SELECT NEXT VALUE FOR seq FROM SYSTEM_RANGE(1, count)}: a new value per row. */
    @Override
    public String sequenceValues(String quotedSequence, int count) {
        return "SELECT NEXT VALUE FOR " + quotedSequence + " FROM SYSTEM_RANGE(1, " + count + ")";
    }

    /** {@code NEXT VALUE FOR seq}. */
    @Override
    public String sequenceValue(String quotedSequence) {
        return "NEXT VALUE FOR " + quotedSequence;
    }

    @Override
    public String returning(String dataChangeStatement, List<String> quotedColumns) {
        return "SELECT " + String.join(", ", quotedColumns) + " FROM FINAL TABLE (" + dataChangeStatement + ")";
    }

    @Override
    public String upsert(Upsert upsert) {
        List<String> columns = upsert.insertColumns();
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(upsert.table()).append(" t USING (VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(upsert.valueMarker(this, i));
        }
        sql.append(")) s (").append(String.join(", ", columns)).append(") ON (")
                .append(upsert.keyColumns().stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND ")))
                .append(")");
        // Without a WHEN MATCHED branch an existing row would not be in FINAL TABLE, so the upsert
        // would return nothing; with nothing else to set, the key is set to itself.
        List<String> updates = upsert.updateColumns().isEmpty() && upsert.versionColumn() == null
                ? upsert.keyColumns() : upsert.updateColumns();
        sql.append(" WHEN MATCHED THEN UPDATE SET ")
                .append(updates.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", ")));
        if (upsert.versionColumn() != null) {
            sql.append(updates.isEmpty() ? "" : ", ")
                    .append(upsert.versionColumn()).append(" = t.").append(upsert.versionColumn()).append(" + 1");
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(String.join(", ", columns)).append(") VALUES (")
                .append(columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "))).append(")");
        return returning(sql.toString(), upsert.returningColumns());
    }

    /** {@code MERGE INTO table AS t USING rows ON (condition) WHEN MATCHED THEN UPDATE SET ...}. */
    @Override
    public String updateFrom(String table, String rows, List<String> assignments, String condition) {
        return "MERGE INTO " + table + " AS t USING " + rows + " ON (" + condition + ") WHEN MATCHED THEN UPDATE SET "
                + String.join(", ", assignments);
    }

    /** {@code SELECT columns FROM OLD TABLE (delete)}. */
    @Override
    public String returningDeleted(String delete, List<String> quotedColumns) {
        return "SELECT " + String.join(", ", quotedColumns) + " FROM OLD TABLE (" + delete + ")";
    }

    @Override
    public @Nullable Converter<?, ?> converterFor(Class<?> javaType) {
        if (javaType == Duration.class) {
            return StorageConventions.DURATION_AS_NANOSECONDS;
        }
        return javaType == Json.class ? StorageConventions.JSON_AS_TEXT : null;
    }

    @Override
    protected String unboundedTextType() {
        return "character varying";
    }

    /**
     * {@code decfloat}: any number of digits, but H2 keeps no scale for a decimal without declared
     * precision ({@code numeric} would round to scale 0): {@code 9.90} reads back as {@code 9.9} and
     * {@code 100} as {@code 1E+2}, equal by {@code compareTo} (no {@link Feature#DECIMAL_SCALE}).
     */
    @Override
    protected String unboundedDecimalType() {
        return "decfloat";
    }

    @Override
    protected String binaryType() {
        return "binary varying";
    }

    @Override
    public String toString() {
        return "H2Dialect";
    }
}
