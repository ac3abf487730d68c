package io.rowflow.dialect;

/**
 * An optional capability a {@link Dialect} declares through {@link Dialect#features()}. Rowflow
 * uses the declarations to choose what SQL to render (native or emulated), the behavioural test
 * suite uses them to assert what each database does (including the clear error where it cannot),
 * and {@code docs/dialects.md} shows them as the feature matrix.
 *
 * @since 0.1
 */
public enum Feature {

    /**
     * A data-changing statement returns values of the rows it changed in the same round trip
     * ({@code INSERT ... RETURNING}, or {@code SELECT ... FROM FINAL TABLE (...)}), so generated
     * ids are read back without a second statement. A dialect without it must throw
     * {@link UnsupportedOperationException} from {@link Dialect#returning}; inserting an entity
     * with a database-generated id then fails with that error.
     */
    RETURNING("values returned by `INSERT`"),

    /**
     * {@link Dialect#returning} also works on an {@code UPDATE} ({@code UPDATE ... RETURNING},
     * or {@code FINAL TABLE (UPDATE ...)}), so columns the database sets on update
     * ({@link io.rowflow.annotation.DatabaseGenerated}) are read back in the same round trip.
     * Without it Rowflow reads them with a {@code SELECT} by key on the same connection right after
     * the update.
     *
     * @since 0.2
     */
    UPDATE_RETURNING("values returned by `UPDATE`"),

    /**
     * {@code ORDER BY ... NULLS FIRST/LAST} is understood natively. Without it Rowflow emulates
     * the placement with an extra leading sort key ({@code expression IS NULL}).
     */
    NULLS_ORDERING("native `NULLS FIRST/LAST`"),

    /**
     * A list of values binds as one array parameter ({@code column = ANY($1)}), so an {@code IN}
     * list or a batch of relationship keys has one SQL text whatever its length (relationship keys
     * go at most {@link Dialect#arrayChunkSize()} to an array). Without it Rowflow writes
     * {@code IN (?, ?, ...)} lists of at most {@link Dialect#inListChunkSize()} values.
     */
    ARRAY_PARAMETERS("`IN` lists bound as one array"),

    /**
     * Properties of array types ({@code String[]}, {@code int[]}, {@code Integer[]},
     * {@code long[]}...) and of {@code List<E>} of such elements ({@code List<String>}) are stored
     * in array columns. Without it mapping an entity with such a property fails with a
     * {@link io.rowflow.MappingException}. ({@code byte[]} is binary data, not an array column.)
     */
    ARRAY_COLUMNS("array and `List` columns"),

    /**
     * {@link java.time.Duration} is stored in a native interval column. Without it durations are
     * stored as a number (see the dialect's documentation for the unit).
     */
    INTERVAL("`Duration` as a native interval"),

    /**
     * {@link io.rowflow.convert.Json} documents are stored in a native {@code jsonb} column, where
     * the database can query into them. Without it they are stored as text.
     */
    JSONB("`Json` in a native `jsonb` column"),

    /**
     * A native case-insensitive {@code LIKE} operator ({@code ILIKE}). Without it
     * case-insensitive matching renders as {@code LOWER(x) LIKE LOWER(pattern)}.
     */
    ILIKE("native `ILIKE`"),

    /**
     * Plain {@code LIKE} (and {@code =}) distinguish upper from lower case with the database's
     * default collation. MariaDB's default {@code _ci} collations do not. Lookup coalescing
     * gathers text keys only where this holds, because it matches rows to requests by Java
     * {@code equals}.
     */
    CASE_SENSITIVE_LIKE("case-sensitive `LIKE` by default"),

    /**
     * A decimal column without declared precision keeps any number of digits. Without it such
     * columns have a fixed precision and scale (see the dialect's documentation) and larger values
     * fail with a {@link io.rowflow.DataAccessException}.
     */
    UNBOUNDED_DECIMALS("unbounded decimals"),

    /**
     * A decimal column without declared precision reads a value back with the scale it was
     * stored with: {@code 9.90} stays {@code 9.90}, not {@code 9.9} or {@code 9.900000}. Without
     * it the value is equal by {@code compareTo} but its scale is the column's fixed scale
     * (MariaDB) or the shortest one (H2's {@code decfloat}, which also reads {@code 100} as
     * {@code 1E+2}). Declare {@code @Column(precision, scale)} for one scale on every database.
     */
    DECIMAL_SCALE("decimals keep their scale (`9.90`)"),

    /**
     * A read-only transaction ({@code TransactionOptions.readOnlyTransaction()}) refuses writes
     * with a {@link io.rowflow.DataAccessException} (SQLSTATE {@code 25006}). Without it the
     * database ignores the flag and the writes happen.
     */
    READ_ONLY_TRANSACTIONS("read-only transactions refuse writes"),

    /** Text columns store the character U+0000; without it such a value fails with a {@link io.rowflow.DataAccessException}. */
    NUL_IN_TEXT("U+0000 in text"),

    /**
     * {@code double} and {@code float} columns store {@code NaN} and the infinities. Without it
     * Rowflow refuses such a value before anything is sent, with a {@link io.rowflow.MappingException}
     * naming the property and column (or the bound value in raw SQL).
     */
    NON_FINITE_FLOATS("`NaN` and infinite `double`/`float` values"),

    /**
     * Server-side cursors inside a transaction ({@link Dialect#declareCursor}), between whose
     * fetches other statements of the transaction can run. A query streamed inside a transaction
     * is then read a window at a time through a cursor, whatever its shape. Without it Rowflow
     * reads entity queries in keyset (or offset) windows, and other results by holding the
     * connection with a bounded read-ahead.
     */
    CURSORS("streaming in transactions through server-side cursors"),

    /**
     * {@code insertAll} writes chunks with binary {@code COPY ... FROM STDIN} when nothing has to be
     * read back and every column type can be written exactly (PostgreSQL with r2dbc-postgresql);
     * other chunks stay {@code INSERT} statements. {@code COPY} fires triggers and checks constraints
     * but does not apply rules: turn it off with {@code PostgresDialect.withBinaryCopy(false)} for
     * tables that rely on rules.
     *
     * @since 0.2
     */
    BINARY_COPY("`insertAll` through binary `COPY`");

    private final String description;

    Feature(String description) {
        this.description = description;
    }

    /** A short description, as the feature matrix in {@code docs/dialects.md} shows it (Markdown). */
    public String description() {
        return description;
    }
}
