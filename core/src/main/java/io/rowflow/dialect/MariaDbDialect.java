package io.rowflow.dialect;

import io.rowflow.convert.Converter;
import io.rowflow.convert.Json;
import io.rowflow.sql.Expression;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB 10.5 or later over r2dbc-mariadb: {@code ?} markers bound by index, backtick quoting,
 * {@code INSERT ... RETURNING} for generated ids, {@code INSERT ... ON DUPLICATE KEY UPDATE} for
 * upsert, {@code AUTO_INCREMENT} identities, and {@code IN (...)} lists of at most
 * {@link #inListChunkSize()} values for batched relationship loading.
 *
 * <p>Storage conventions, chosen so values round-trip exactly:
 * <ul>
 *   <li>{@code UUID}: the native {@code uuid} column type of MariaDB 10.7+ in generated DDL,
 *   bound as its 36-character text, which a {@code char(36)} column (MariaDB 10.5, 10.6) takes
 *   as well.</li>
 *   <li>{@code LocalDateTime}: {@code datetime(6)}; {@code OffsetDateTime} and {@code Instant}:
 *   the instant's UTC date and time in {@code datetime(6)} (the offset is not kept, as with
 *   PostgreSQL's {@code timestamptz}). {@code datetime} is never shifted by the session time
 *   zone, unlike {@code timestamp}, whose range also ends in 2038. {@code LocalTime}: {@code time(6)}.</li>
 *   <li>{@code Duration}: whole nanoseconds in a {@code bigint} ({@code time} only reaches 838 hours).</li>
 *   <li>{@code boolean}: {@code boolean}, that is {@code tinyint(1)}.</li>
 *   <li>{@code float}: {@code double}, because a {@code float} column rounds to six digits in the
 *   text protocol and rejects {@code Float.MAX_VALUE} written as text.</li>
 *   <li>Decimals without declared precision: {@code decimal(65, 30)}, the widest MariaDB has: up
 *   to 35 integer and 30 fraction digits, read back with scale 30 (no
 *   {@link Feature#UNBOUNDED_DECIMALS} nor {@link Feature#DECIMAL_SCALE}); declare {@code @Column(precision, scale)} to choose.</li>
 *   <li>Text without declared length: {@code longtext}, or {@code varchar(255)} in a primary key,
 *   unique constraint or foreign key, which cannot index {@code longtext}.</li>
 *   <li>Enums: by name in text, or by ordinal in an {@code integer}, as on every database.</li>
 *   <li>{@link Json}: its text, in {@code longtext} (MariaDB's {@code JSON} is the same type
 *   with a validity check; declare it in your migrations if you want the check).</li>
 * </ul>
 *
 * <p>With MariaDB's default {@code _ci} collations, {@code LIKE} and {@code =} on text ignore
 * case (no {@link Feature#CASE_SENSITIVE_LIKE}). Nulls sort first in ascending order; Rowflow
 * emulates {@code NULLS FIRST/LAST} with a leading {@code IS NULL} key. MariaDB, unlike
 * PostgreSQL, keeps a transaction open after a failed statement: Rowflow rolls such a
 * transaction back itself. Rowflow expects the default strict SQL mode, where an out-of-range
 * value is an error rather than silently clipped.
 *
 * <p>MySQL is not served by this dialect: it lacks {@code INSERT ... RETURNING}.
 *
 * @since 0.1
 */
public final class MariaDbDialect extends StandardSqlDialect {

    /** The row count MariaDB takes as "no limit" when only an offset is given. */
    static final String NO_LIMIT = "18446744073709551615";

    private static final Set<Feature> FEATURES =
            Collections.unmodifiableSet(EnumSet.of(Feature.RETURNING, Feature.READ_ONLY_TRANSACTIONS, Feature.NUL_IN_TEXT));

    private static final Set<Class<?>> NATIVE_TYPES;

    static {
        Set<Class<?>> types = new HashSet<>(StandardSqlDialect.STANDARD_TYPES);
        types.remove(OffsetDateTime.class);
        NATIVE_TYPES = Set.copyOf(types);
    }

    private final int inListChunkSize;

    /** Creates the dialect, with {@code IN} lists of at most 1,000 values. */
    public MariaDbDialect() {
        this(1_000);
    }

    private MariaDbDialect(int inListChunkSize) {
        this.inListChunkSize = inListChunkSize;
    }

    /** A copy splitting key sets into {@code IN} lists of at most this many values. */
    public MariaDbDialect withInListChunkSize(int values) {
        if (values < 1) {
            throw new IllegalArgumentException("inListChunkSize must be positive: " + values);
        }
        return new MariaDbDialect(values);
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    /** Matches the product name r2dbc-mariadb reports, {@code MariaDB}. */
    @Override
    public boolean matches(String databaseProductName) {
        return databaseProductName.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** {@code RETURNING}, read-only transactions and U+0000 in text; nothing else natively (see the class documentation). */
    @Override
    public Set<Feature> features() {
        return FEATURES;
    }

    /** {@code ?}: r2dbc-mariadb binds by index. */
    /** {@code DATABASE()}: a MariaDB database is what {@code information_schema} calls a schema. */
    @Override
    public String currentSchema() {
        return "DATABASE()";
    }

    @Override
    public String bindMarker(int index) {
        return "?";
    }

    @Override
    protected char identifierQuote() {
        return '`';
    }

    @Override
    public int inListChunkSize() {
        return inListChunkSize;
    }

    /**
     * {@code SELECT NEXTVAL(seq) FROM seq_1_to_count} (MariaDB 10.3+ sequences, over a table of the
     * Sequence engine, which MariaDB installs by default; a recursive {@code WITH} would stop at
     * {@code max_recursive_iterations}, 1,000 by default).
     */
    @Override
    public String sequenceValues(String quotedSequence, int count) {
        return "SELECT NEXTVAL(" + quotedSequence + ") FROM seq_1_to_" + count;
    }

    /** {@code NEXTVAL(seq)}. */
    @Override
    public String sequenceValue(String quotedSequence) {
        return "NEXTVAL(" + quotedSequence + ")";
    }

    /** {@code INSERT ... RETURNING}; MariaDB has no {@code UPDATE ... RETURNING}. */
    @Override
    public String returning(String dataChangeStatement, List<String> quotedColumns) {
        return dataChangeStatement + " RETURNING " + String.join(", ", quotedColumns);
    }

    /**
     * {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c), version = version + 1 RETURNING ...}.
     * MariaDB takes any unique key as the conflict, not only the primary key.
     */
    @Override
    public String upsert(Upsert upsert) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(upsert.table()).append(" (")
                .append(String.join(", ", upsert.insertColumns())).append(") VALUES (");
        for (int i = 0; i < upsert.insertColumns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(upsert.valueMarker(this, i));
        }
        sql.append(") ON DUPLICATE KEY UPDATE ");
        List<String> updates = upsert.updateColumns().isEmpty() && upsert.versionColumn() == null
                ? upsert.keyColumns() : upsert.updateColumns();
        sql.append(updates.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", ")));
        if (upsert.versionColumn() != null) {
            sql.append(updates.isEmpty() ? "" : ", ")
                    .append(upsert.versionColumn()).append(" = ").append(upsert.versionColumn()).append(" + 1");
        }
        return returning(sql.toString(), upsert.returningColumns());
    }

    /**
     * {@code (SELECT ? AS c0, ? AS c1 UNION ALL SELECT ?, ?) AS u}: MariaDB names no columns of a
     * derived table in its alias.
     */
    @Override
    public String valuesRows(int rows, List<@Nullable String> databaseTypes, String alias, List<String> aliases) {
        StringBuilder sql = new StringBuilder("(");
        int marker = 0;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "SELECT " : " UNION ALL SELECT ");
            for (int column = 0; column < aliases.size(); column++) {
                sql.append(column == 0 ? "" : ", ").append(bindMarker(marker++, databaseTypes.get(column)));
                if (row == 0) {
                    sql.append(" AS ").append(aliases.get(column));
                }
            }
        }
        return sql.append(") AS ").append(alias).toString();
    }

    /** {@code UPDATE table AS t JOIN rows ON condition SET ...}. */
    @Override
    public String updateFrom(String table, String rows, List<String> assignments, String condition) {
        return "UPDATE " + table + " AS t JOIN " + rows + " ON " + condition + " SET " + String.join(", ", assignments);
    }

    /** {@code LIMIT ? OFFSET ?}; an offset alone gets the largest limit MariaDB accepts. */
    @Override
    public String paging(@Nullable String limitMarker, @Nullable String offsetMarker) {
        return super.paging(limitMarker == null && offsetMarker != null ? NO_LIMIT : limitMarker, offsetMarker);
    }

    /**
     * {@code CHAR_LENGTH} for the length in characters ({@code LENGTH} counts bytes), and
     * {@code CONCAT_WS('', ...)} for concatenation that skips nulls as PostgreSQL's and H2's
     * {@code CONCAT} do ({@code CONCAT} would return null).
     */
    @Override
    public String function(Expression.SqlFunction function, List<String> arguments) {
        return switch (function) {
            case LENGTH -> "CHAR_LENGTH(" + String.join(", ", arguments) + ")";
            case CONCAT -> "CONCAT_WS(''" + arguments.stream().map(a -> ", " + a).collect(Collectors.joining()) + ")";
            default -> super.function(function, arguments);
        };
    }

    @Override
    public Set<Class<?>> nativeTypes() {
        return NATIVE_TYPES;
    }

    @Override
    public @Nullable Converter<?, ?> converterFor(Class<?> javaType) {
        if (javaType == Duration.class) {
            return StorageConventions.DURATION_AS_NANOSECONDS;
        }
        if (javaType == OffsetDateTime.class) {
            return StorageConventions.OFFSET_DATE_TIME_AS_UTC;
        }
        return javaType == Json.class ? StorageConventions.JSON_AS_TEXT : null;
    }

    @Override
    public String columnType(Class<?> storedType, int length, int precision, int scale) {
        if (storedType == Float.class || storedType == Double.class) {
            return "double";
        }
        if (storedType == UUID.class) {
            return "uuid";
        }
        if (storedType == LocalTime.class) {
            return "time(6)";
        }
        if (storedType == LocalDateTime.class) {
            return "datetime(6)";
        }
        return super.columnType(storedType, length, precision, scale);
    }

    /** {@code varchar(255)} for text of undeclared length: MariaDB cannot key a {@code longtext}. */
    @Override
    public String keyColumnType(Class<?> storedType, int length, int precision, int scale) {
        if (storedType == String.class && length <= 0) {
            return "varchar(255)";
        }
        return columnType(storedType, length, precision, scale);
    }

    /** {@code bigint AUTO_INCREMENT} (or the id's integer type). */
    @Override
    public String identityColumn(Class<?> storedType) {
        return columnType(storedType, 0, 0, 0) + " AUTO_INCREMENT";
    }

    @Override
    protected String unboundedTextType() {
        return "longtext";
    }

    @Override
    protected String unboundedDecimalType() {
        return "decimal(65, 30)";
    }

    @Override
    protected String binaryType() {
        return "longblob";
    }

    @Override
    public String toString() {
        return "MariaDbDialect";
    }
}
