package io.rowflow.internal.runtime;

import io.r2dbc.spi.Connection;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import io.rowflow.internal.copy.BinaryCopy;
import io.rowflow.internal.copy.CopyTarget;
import io.rowflow.internal.copy.CopyTarget.CatalogType;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.execution.StatementRunner;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.sql.EntitySql;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Decides, once per entity and insert shape, whether {@code insertAll} chunks are written with
 * binary {@code COPY} instead of an {@code unnest} insert. COPY is used where the dialect has
 * {@link Feature#BINARY_COPY} (PostgreSQL with r2dbc-postgresql) and the connection is the driver's
 * (or wraps it), when nothing has to be read back (every inserted column has its value before the
 * write: supplied, client-generated, or a block of sequence values fetched first), and every
 * column's type in the catalog (read once per table, on the operation's connection) is one binary
 * COPY writes exactly for the column's stored Java type; the table must be a plain or partitioned table.
 */
final class CopyInserts {

    private static final String CATALOG = "SELECT a.attname::text, t.typname::text, t.typtype::text "
            + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
            + "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
            + "WHERE a.attrelid = to_regclass($1) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped";

    private final Dialect dialect;
    private final boolean enabled;
    private final Map<String, Map<String, CatalogType>> catalogs = new ConcurrentHashMap<>();
    private final Map<Shape, Optional<CopyTarget>> targets = new ConcurrentHashMap<>();

    CopyInserts(Dialect dialect) {
        this.dialect = dialect;
        this.enabled = dialect.supports(Feature.BINARY_COPY) && BinaryCopy.available();
    }

    /** An insert shape of one entity: its class and the columns it leaves out. */
    private record Shape(Class<?> type, BitSet omitted) {
    }

    /** Whether inserts of this shape may be copied: the dialect copies, and nothing is read back. */
    boolean candidate(EntitySql sql, BitSet omitted) {
        return enabled && sql.returnedAfterInsert(omitted).isEmpty();
    }

    /** What is known about copying this shape: empty when it stays a statement, {@code null} before the catalog was read. */
    @Nullable Optional<CopyTarget> known(DefaultEntityModel<?> model, BitSet omitted) {
        return targets.get(new Shape(model.type(), omitted));
    }

    /**
     * The copy of inserts of this shape on this connection, or empty when they stay statements (the
     * connection is not the driver's, or a column cannot be copied); the first call per table reads
     * its column types from the catalog on the connection, reported as a {@code CATALOG} operation.
     */
    Mono<Optional<CopyTarget>> target(Connection connection, StatementRunner runner, OperationShape catalogShape,
                                      DefaultEntityModel<?> model, EntitySql sql, BitSet omitted) {
        if (!BinaryCopy.canCopy(connection)) {
            return Mono.just(Optional.empty());
        }
        Shape shape = new Shape(model.type(), omitted);
        Optional<CopyTarget> known = targets.get(shape);
        if (known != null) {
            return Mono.just(known);
        }
        return catalog(connection, runner, catalogShape, sql.table()).map(types -> targets.computeIfAbsent(shape,
                key -> Optional.ofNullable(plan(sql, omitted, types))));
    }

    private @Nullable CopyTarget plan(EntitySql sql, BitSet omitted, Map<String, CatalogType> types) {
        List<MappedColumn> columns = sql.insertColumns(omitted);
        return CopyTarget.of(sql.table(), columns, columns.stream().map(c -> dialect.quote(c.columnName())).toList(),
                types);
    }

    private Mono<Map<String, CatalogType>> catalog(Connection connection, StatementRunner runner, OperationShape shape,
                                                   String table) {
        Map<String, CatalogType> known = catalogs.get(table);
        if (known != null) {
            return Mono.just(known);
        }
        return runner.query(connection, shape, new PreparedSql(CATALOG, new Object[]{table}), 0,
                        (row, metadata) -> Map.entry(row.get(0, String.class),
                                new CatalogType(row.get(1, String.class), row.get(2, String.class))))
                .collectList()
                .map(rows -> {
                    Map<String, CatalogType> types = new HashMap<>();
                    rows.forEach(entry -> types.put(entry.getKey(), entry.getValue()));
                    return catalogs.computeIfAbsent(table, key -> Map.copyOf(types));
                });
    }
}
