package io.rowflow.dialect;

import io.rowflow.convert.Converter;
import io.rowflow.sql.Expression;
import io.rowflow.sql.OrderItem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything Rowflow needs to know about one database's SQL: bind markers, quoting, returning
 * generated values, upsert, paging, DDL types, storage conventions and the optional
 * {@linkplain Feature features} it supports. Each method answers one small question; the SQL
 * itself is assembled by Rowflow, which never branches on the database's name.
 *
 * <h2>Writing a dialect</h2>
 * To support another database (SQL Server, Oracle, CockroachDB...), implement this interface —
 * usually by extending {@link StandardSqlDialect}, which answers for standard SQL — and either
 * pass it to {@code DatabaseBuilder.dialect(...)} or register it for detection with
 * {@code DatabaseBuilder.registerDialect(...)}. No internal class needs to change.
 * <ul>
 *   <li><b>Identifiers</b> handed to a dialect are already quoted with {@link #quote(String)}
 *   and come only from the mapping model; values are never part of the SQL text.</li>
 *   <li><b>Bind markers.</b> Rowflow numbers parameters from zero in the order it binds them and
 *   asks {@link #bindMarker(int)} for each. With positional markers such as {@code ?}, every
 *   method that receives rendered SQL fragments (paging, functions, sort keys, {@code LIKE})
 *   must keep the fragments in the order given and use each exactly once.</li>
 *   <li><b>Types.</b> {@link #nativeTypes()} lists the Java types the R2DBC driver binds and
 *   reads itself; {@link #converterFor(Class)} maps others onto them (the storage conventions);
 *   {@link #columnType} names the column type for each native type in generated DDL.</li>
 *   <li><b>Features.</b> Declare in {@link #features()} what the database can do natively.
 *   Rowflow emulates what it can ({@code NULLS FIRST/LAST}, {@code ILIKE}) and fails clearly where it
 *   cannot (for example {@link UnsupportedOperationException} from {@link #returning}).</li>
 * </ul>
 *
 * <p>Rowflow detects the dialect from {@code ConnectionFactoryMetadata.getName()} through
 * {@link #matches(String)}, trying registered dialects before the {@link #builtIns() built-in}
 * ones. Implementations must be immutable and thread-safe.
 *
 * @since 0.1
 */
public interface Dialect {

    /** A short name for messages, logs and the feature matrix, for example {@code PostgreSQL}. */
    String name();

    /** Whether this dialect serves a database whose driver reports this product name in its metadata. */
    boolean matches(String databaseProductName);

    /** The optional features this database supports natively; see {@link Feature} for what each changes. */
    default Set<Feature> features() {
        return EnumSet.noneOf(Feature.class);
    }

    /** Whether {@link #features()} contains the feature. */
    default boolean supports(Feature feature) {
        return features().contains(feature);
    }

    /** The bind marker for the parameter at a zero-based index: {@code $1} or {@code ?}. */
    String bindMarker(int index);

    /**
     * The bind marker for a value of a column whose database type was declared
     * ({@link io.rowflow.annotation.Column#type()}): the marker cast to that type where the
     * database will not convert the bound value itself ({@code $2::mpaa_rating} for a PostgreSQL
     * enum), otherwise the plain {@link #bindMarker(int)} (the default). Rowflow renders every
     * marker of such a column through this method, so a type is declared once, never per query.
     *
     * @param index the zero-based parameter index
     * @param databaseType the declared type, such as {@code mpaa_rating} or {@code mpaa_rating[]},
     *                     or {@code null} for none
     * @since 0.1
     */
    default String bindMarker(int index, @Nullable String databaseType) {
        return bindMarker(index);
    }

    /**
     * The name of the parameter at a zero-based index as {@code Statement.bind(String, Object)}
     * expects it, or {@code null} when the driver binds by index (the default).
     */
    default @Nullable String bindName(int index) {
        return null;
    }

    /**
     * Quotes an identifier that came from the mapping model, so reserved words and mixed case
     * work. May reject identifiers it cannot quote safely with {@link IllegalArgumentException}.
     */
    String quote(String identifier);

    /** The largest number of bind parameters one statement may carry; multi-row inserts stay below it. */
    int maxBindParameters();

    /**
     * Makes a data-changing statement return the given columns of each affected row, in the order
     * the rows were affected: {@code ... RETURNING a, b} on PostgreSQL and MariaDB,
     * {@code SELECT a, b FROM FINAL TABLE (...)} on H2. A dialect that does not declare
     * {@link Feature#RETURNING} throws {@link UnsupportedOperationException}.
     */
    String returning(String dataChangeStatement, List<String> quotedColumns);

    /**
     * A query returning {@code count} new values of a sequence, one per row, in one statement
     * (PostgreSQL: {@code SELECT nextval('seq') FROM generate_series(1, 500)}), for keys generated
     * by {@link io.rowflow.annotation.GenerationType#SEQUENCE}; {@code insertAll} fetches a block
     * per chunk with it. The count is written into the SQL as a number. A dialect without sequences
     * throws {@link UnsupportedOperationException}, as the default does, and inserting such an entity
     * fails with a {@link io.rowflow.QueryException} naming the entity and column.
     *
     * @param quotedSequence the sequence name, quoted (each part of a schema-qualified name)
     * @param count how many values, at least 1
     * @since 0.2
     */
    default String sequenceValues(String quotedSequence, int count) {
        throw new UnsupportedOperationException(name() + " has no sequences");
    }

    /**
     * An expression taking the next value of a sequence inside another statement
     * ({@code nextval('seq')}), so a single insert takes its key in the same round trip and returns
     * it; by default {@link UnsupportedOperationException}, and Rowflow fetches the value with
     * {@link #sequenceValues} first.
     *
     * @param quotedSequence the sequence name, quoted (each part of a schema-qualified name)
     * @since 0.2
     */
    default String sequenceValue(String quotedSequence) {
        throw new UnsupportedOperationException(name() + " has no sequence expression");
    }

    /**
     * An insert of many rows that binds one array per column instead of one parameter per value
     * (PostgreSQL: {@code INSERT ... SELECT ... FROM unnest($1::bigint[], $2::text[])}), so one
     * statement can carry any number of rows at one round trip; {@code null} (the default) when the
     * database cannot, and multi-row {@code VALUES} lists are used instead. The rows must be
     * inserted in array order.
     *
     * @param table the quoted table name
     * @param quotedColumns the quoted columns, in bind order
     * @param storedTypes the driver-side type of each column, to pick the array type
     */
    default @Nullable String arrayInsert(String table, List<String> quotedColumns, List<Class<?>> storedTypes) {
        return null;
    }

    /**
     * {@link #arrayInsert(String, List, List)} for columns some of which have a declared database
     * type ({@link io.rowflow.annotation.Column#type()}), whose arrays are bound as arrays of that
     * type ({@code $2::mpaa_rating[]}). By default the declared types are ignored.
     *
     * @param databaseTypes the declared type of each column, {@code null} where none was declared
     * @since 0.1
     */
    default @Nullable String arrayInsert(String table, List<String> quotedColumns, List<Class<?>> storedTypes,
                                         List<@Nullable String> databaseTypes) {
        return arrayInsert(table, quotedColumns, storedTypes);
    }

    /**
     * Renders an insert-or-update statement that returns {@link Upsert#returningColumns()} of the
     * row as stored, incrementing {@link Upsert#versionColumn()} when it overwrites.
     */
    String upsert(Upsert upsert);

    /**
     * A set of rows bound as one array per column, for joining a batch of entities in one
     * statement ({@code updateAll}, {@code deleteAll}): PostgreSQL's
     * {@code unnest($1::bigint[], $2::text[]) AS u (c0, c1)}, bound from marker 0; {@code null}
     * (the default) when the database or a column type has no arrays, and {@link #valuesRows} is used.
     *
     * @param storedTypes the driver-side type of each column, to pick the array type
     * @param databaseTypes the declared type of each column, {@code null} where none was declared
     * @param alias the alias of the row set; its columns are named {@code aliases}
     * @since 0.2
     */
    default @Nullable String arrayRows(List<Class<?>> storedTypes, List<@Nullable String> databaseTypes, String alias,
                                       List<String> aliases) {
        return null;
    }

    /**
     * {@code rows} rows of bind markers as a derived table named {@code alias} with these column
     * aliases, bound row by row from marker 0: {@code (VALUES (?, ?), (?, ?)) AS u (c0, c1)} by
     * default.
     *
     * @since 0.2
     */
    default String valuesRows(int rows, List<@Nullable String> databaseTypes, String alias, List<String> aliases) {
        StringBuilder sql = new StringBuilder("(VALUES ");
        int marker = 0;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < aliases.size(); column++) {
                sql.append(column == 0 ? "" : ", ").append(bindMarker(marker++, databaseTypes.get(column)));
            }
            sql.append(')');
        }
        return sql.append(") AS ").append(alias).append(" (").append(String.join(", ", aliases)).append(')').toString();
    }

    /**
     * An update of the rows of {@code table} (aliased {@code t}) matching a row of {@code rows}
     * (a derived table from {@link #arrayRows} or {@link #valuesRows}) on {@code condition}, with
     * these assignments ({@code "column" = u.c1}): {@code UPDATE table AS t SET ... FROM rows WHERE
     * condition} by default; {@link UnsupportedOperationException} where the database has no
     * such statement (then each entity is updated on its own).
     *
     * @since 0.2
     */
    default String updateFrom(String table, String rows, List<String> assignments, String condition) {
        return "UPDATE " + table + " AS t SET " + String.join(", ", assignments) + " FROM " + rows + " WHERE " + condition;
    }

    /**
     * A delete that returns these columns of the rows it deleted, for dialects declaring
     * {@link Feature#RETURNING}: {@link #returning} by default.
     *
     * @since 0.2
     */
    default String returningDeleted(String delete, List<String> quotedColumns) {
        return returning(delete, quotedColumns);
    }

    /**
     * Opens a server-side cursor over a query inside a transaction, for dialects declaring
     * {@link Feature#CURSORS}; the query keeps its bind markers. The others throw
     * {@link UnsupportedOperationException}, as the default does.
     *
     * @param cursor a name Rowflow generates (lower-case letters, digits and underscores)
     * @since 0.1
     */
    default String declareCursor(String cursor, String query) {
        throw new UnsupportedOperationException(name() + " has no server-side cursors");
    }

    /** Reads the next {@code rows} rows of a cursor opened by {@link #declareCursor}. */
    default String fetchFromCursor(String cursor, int rows) {
        throw new UnsupportedOperationException(name() + " has no server-side cursors");
    }

    /** Closes a cursor opened by {@link #declareCursor}. */
    default String closeCursor(String cursor) {
        throw new UnsupportedOperationException(name() + " has no server-side cursors");
    }

    /**
     * The column type for DDL.
     *
     * @param storedType the driver-side type values are bound as (after conversion), one of {@link #nativeTypes()}
     * @param length declared text length, {@code 0} when unbounded
     * @param precision declared decimal precision, {@code 0} for the default
     * @param scale declared decimal scale
     */
    String columnType(Class<?> storedType, int length, int precision, int scale);

    /**
     * The column type of a column in a primary key, unique constraint or foreign key. The same as
     * {@link #columnType} by default; databases that cannot index unbounded types (MariaDB's
     * {@code TEXT}) return a bounded one.
     */
    default String keyColumnType(Class<?> storedType, int length, int precision, int scale) {
        return columnType(storedType, length, precision, scale);
    }

    /** The column definition of a database-generated id, for example {@code bigint GENERATED BY DEFAULT AS IDENTITY}. */
    String identityColumn(Class<?> storedType);

    /** The driver-side types this database binds and reads natively, without conversion. */
    Set<Class<?>> nativeTypes();

    /**
     * A storage convention for a Java type the database lacks natively (for example
     * {@code Duration} as nanoseconds in a {@code bigint}), or {@code null} to use Rowflow's
     * built-in conversions. A converter's database type that is not native is converted further.
     */
    default @Nullable Converter<?, ?> converterFor(Class<?> javaType) {
        return null;
    }

    /**
     * The paging clause, appended after {@code ORDER BY}: {@code LIMIT $3 OFFSET $4} by default.
     * The limit's marker, when given, was bound before the offset's.
     *
     * @param limitMarker the bind marker of the row limit, or {@code null} for none
     * @param offsetMarker the bind marker of the rows skipped, or {@code null} for none
     */
    default String paging(@Nullable String limitMarker, @Nullable String offsetMarker) {
        StringBuilder clause = new StringBuilder();
        if (limitMarker != null) {
            clause.append(" LIMIT ").append(limitMarker);
        }
        if (offsetMarker != null) {
            clause.append(" OFFSET ").append(offsetMarker);
        }
        return clause.toString();
    }

    /**
     * Tests an expression against a list of values bound as one array, for dialects declaring
     * {@link Feature#ARRAY_PARAMETERS}: {@code expression = ANY(marker)} by default.
     */
    default String inArray(String expression, String arrayMarker) {
        return expression + " = ANY(" + arrayMarker + ")";
    }

    /**
     * Tests several expressions (a composite key) against a set of value tuples bound as one array
     * per expression, so a key set of any size has one SQL text (PostgreSQL:
     * {@code (a, b) IN (SELECT * FROM unnest($1::integer[], $2::integer[]))}); {@code null} (the
     * default) when the database cannot, and each tuple is compared on its own instead.
     *
     * @param expressions the rendered expressions, in key order
     * @param arrayMarkers the bind markers of the arrays, one per expression
     * @param storedTypes the driver-side element type of each array
     * @since 0.2
     */
    default @Nullable String inArrays(List<String> expressions, List<String> arrayMarkers, List<Class<?>> storedTypes) {
        return null;
    }

    /**
     * A table of key tuples bound as one array per key column, under {@code alias} with the given
     * column names, to be joined {@code LATERAL} (PostgreSQL:
     * {@code unnest($1::bigint[]) AS rf_keys(k0)}): how a fetch plan's per-parent limit runs as one
     * top-N subquery per key where the database offers it. {@code null} (the default) when it does
     * not; the rows are then ranked with {@code ROW_NUMBER() OVER (PARTITION BY ...)} instead.
     *
     * @param arrayMarkers the bind markers of the arrays, one per key column
     * @param storedTypes the driver-side element type of each array
     * @param alias the table's alias
     * @param columns the names of its columns, one per array
     * @since 0.3
     */
    default @Nullable String keyTable(List<String> arrayMarkers, List<Class<?>> storedTypes, String alias,
                                      List<String> columns) {
        return null;
    }

    /**
     * The most values one {@code IN (...)} list may carry when values are not bound as an array;
     * larger key sets (batched relationship loading) are split into several statements.
     */
    default int inListChunkSize() {
        return 1_000;
    }

    /**
     * The most keys one array parameter carries in a follow-up query of relationship loading
     * ({@code = ANY($1)}), for dialects declaring {@link Feature#ARRAY_PARAMETERS}; larger key sets
     * (a nested level of a fetch plan gathers the child keys of a whole batch of parents) are split
     * into several statements. 10,000 by default: on PostgreSQL 15 reading 512,000 children took
     * the same time with 10,000 keys per statement as with one array of all 256,000 keys, and the
     * server still sorts a statement's rows in memory at the default {@code work_mem}.
     *
     * @since 0.1
     */
    default int arrayChunkSize() {
        return 10_000;
    }

    /**
     * One {@code ORDER BY} key: {@code expression [DESC] [NULLS FIRST|LAST]}. For a dialect that
     * does not declare {@link Feature#NULLS_ORDERING}, {@code nulls} is always
     * {@link OrderItem.Nulls#DEFAULT}: Rowflow places nulls with a leading key of its own.
     */
    default String sortKey(String expression, boolean descending, OrderItem.Nulls nulls) {
        String key = descending ? expression + " DESC" : expression;
        return switch (nulls) {
            case DEFAULT -> key;
            case FIRST -> key + " NULLS FIRST";
            case LAST -> key + " NULLS LAST";
        };
    }

    /**
     * A call of a portable scalar function with its rendered arguments, in order, each used once:
     * {@code NAME(a, b)} by default.
     */
    default String function(Expression.SqlFunction function, List<String> arguments) {
        return function.name() + "(" + String.join(", ", arguments) + ")";
    }

    /**
     * Case-insensitive {@code LIKE}, which Rowflow follows with its {@code ESCAPE} clause:
     * {@code LOWER(expression) LIKE LOWER(pattern)} by default; {@code expression ILIKE pattern}
     * for a dialect declaring {@link Feature#ILIKE}.
     */
    default String likeIgnoringCase(String expression, String pattern) {
        return "LOWER(" + expression + ") LIKE LOWER(" + pattern + ")";
    }

    /**
     * An SQL expression for the schema unqualified table names resolve to, as
     * {@code information_schema} names it in {@code table_schema}: {@code CURRENT_SCHEMA} by
     * default; MariaDB's {@code DATABASE()}. Schema validation reads the catalog with it.
     *
     * @since 0.1
     */
    default String currentSchema() {
        return "CURRENT_SCHEMA";
    }

    /** The dialects Rowflow ships, in detection order. */
    static List<Dialect> builtIns() {
        return List.of(new PostgresDialect(), new H2Dialect(), new MariaDbDialect());
    }
}
