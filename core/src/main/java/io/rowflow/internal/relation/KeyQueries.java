package io.rowflow.internal.relation;

import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.query.KeyPredicates;
import io.rowflow.internal.query.QueryRenderer;
import io.rowflow.internal.query.RenderedSelect;
import io.rowflow.internal.sql.EntitySql;
import io.rowflow.sql.Expression;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The follow-up queries of relationship loading: the rows of an entity whose column matches any
 * of a set of keys ({@code = ANY($1)} with arrays of at most {@link Dialect#arrayChunkSize()} keys
 * where the dialect binds arrays, {@code IN (...)} lists of at most {@link Dialect#inListChunkSize()}
 * elsewhere), and the targets of a many-to-many with the owner key of each link. Each statement's
 * rows come sorted by the target's id; all rows of one key are in one statement, so loaded
 * collections have a stable order. Each statement is described by the operation it is given (a
 * lookup, a relationship follow-up, coalesced or not).
 */
public final class KeyQueries {

    private final Dialect dialect;
    private final QueryRenderer renderer;
    private final Executor executor;

    /** Creates the follow-up query runner of a database. */
    public KeyQueries(Dialect dialect, QueryRenderer renderer, Executor executor) {
        this.dialect = dialect;
        this.renderer = renderer;
        this.executor = executor;
    }

    /**
     * Entities of {@code model} whose {@code key} columns hold one of the key values: {@code key} is
     * the model's own key, a unique column, or a foreign key. Rows come ordered by the model's key.
     */
    public <T> Flux<T> byKeys(OperationShape operation, DefaultEntityModel<T> model, EntityKey key, List<Object> keys) {
        PreparedSql arrays = key.composite() ? byKeyArrays(model, key, keys) : null;
        if (arrays != null) {
            return executor.query(operation, arrays, 0, EntityRowMapper.byPosition(model));
        }
        TableRef table = new TableRef(model.type(), "related");
        List<OrderItem> byId = model.key().columns().stream()
                .map(column -> new OrderItem(new Expression.Column(table, column.propertyPath()), false,
                        OrderItem.Nulls.DEFAULT))
                .toList();
        return Flux.fromIterable(chunks(keys, key.columns().size())).concatMap(chunk -> {
            SelectStatement<T> statement = SelectStatement.of(table, model.type())
                    .withWhere(KeyPredicates.in(table, key, chunk))
                    .withOrderBy(byId);
            RenderedSelect<T> rendered = renderer.select(statement);
            return executor.query(operation, rendered.statement(), 0, rendered.mapper().get());
        });
    }

    /**
     * A composite-key lookup binding one array per key column where the dialect can
     * ({@link Dialect#inArrays}), so any number of keys has one SQL text; {@code null} otherwise.
     */
    private <T> @Nullable PreparedSql byKeyArrays(DefaultEntityModel<T> model, EntityKey key, List<Object> keys) {
        if (!dialect.supports(Feature.ARRAY_PARAMETERS)) {
            return null;
        }
        List<MappedColumn> columns = key.columns();
        String test = dialect.inArrays(columns.stream().map(column -> "t." + dialect.quote(column.columnName())).toList(),
                IntStream.range(0, columns.size()).mapToObj(dialect::bindMarker).toList(),
                columns.stream().<Class<?>>map(MappedColumn::storedType).toList());
        if (test == null) {
            return null;
        }
        Object[] binds = new Object[columns.size()];
        for (int c = 0; c < binds.length; c++) {
            binds[c] = Array.newInstance(columns.get(c).storedType(), keys.size());
        }
        for (int k = 0; k < keys.size(); k++) {
            Object[] parts = key.columnValues(keys.get(k));
            for (int c = 0; c < binds.length; c++) {
                Array.set(binds[c], k, columns.get(c).codec().toDatabase(parts[c]));
            }
        }
        String select = "SELECT " + model.mappedColumns().stream().map(column -> "t." + dialect.quote(column.columnName()))
                .collect(Collectors.joining(", "))
                + " FROM " + EntitySql.qualifiedTable(model, dialect) + " t WHERE " + test + " ORDER BY "
                + model.key().columns().stream().map(column -> "t." + dialect.quote(column.columnName()))
                .collect(Collectors.joining(", "));
        return new PreparedSql(select, binds);
    }

    /** Targets linked to the owner keys through a link table, each with the owner key of its link. */
    <T> Flux<Linked<T>> linked(OperationShape operation, DefaultEntityModel<T> target, String linkTable, String ownerColumn, String targetColumn,
                               MappedColumn ownerKey, List<Object> keys) {
        String columns = target.mappedColumns().stream()
                .map(c -> "t." + dialect.quote(c.columnName())).collect(Collectors.joining(", "));
        String select = "SELECT " + columns + ", l." + dialect.quote(ownerColumn) + " FROM "
                + EntitySql.qualifiedTable(target, dialect) + " t JOIN " + dialect.quote(linkTable) + " l ON l."
                + dialect.quote(targetColumn) + " = t." + dialect.quote(target.key().column().columnName()) + " WHERE ";
        String keyed = "l." + dialect.quote(ownerColumn);
        String order = " ORDER BY t." + dialect.quote(target.key().column().columnName());
        int ownerPosition = target.mappedColumns().size();
        EntityRowMapper<T> mapper = EntityRowMapper.byPosition(target);
        return Flux.fromIterable(chunks(keys, 1)).concatMap(chunk -> executor.query(operation, statement(select, keyed, order, ownerKey, chunk), 0,
                (row, metadata) -> new Linked<>(EntityRowMapper.read(row, ownerPosition, ownerKey), mapper.apply(row, metadata))));
    }

    /** A target entity and the owner key of the link that led to it. */
    record Linked<T>(Object ownerKey, T target) {
    }

    private PreparedSql statement(String select, String keyed, String order, MappedColumn keyColumn, List<Object> keys) {
        if (dialect.supports(Feature.ARRAY_PARAMETERS)) {
            Object array = Array.newInstance(keyColumn.storedType(), keys.size());
            for (int i = 0; i < keys.size(); i++) {
                Array.set(array, i, keyColumn.codec().toDatabase(keys.get(i)));
            }
            return new PreparedSql(select + dialect.inArray(keyed, dialect.bindMarker(0)) + order, new Object[]{array});
        }
        StringBuilder sql = new StringBuilder(select).append(keyed).append(" IN (");
        Object[] binds = new Object[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dialect.bindMarker(i));
            binds[i] = keyColumn.codec().toDatabase(keys.get(i));
        }
        return new PreparedSql(sql.append(')').append(order).toString(), binds);
    }

    /**
     * The keys in chunks, so that no statement binds an unbounded number of keys (a nested level
     * gathers a whole batch's child keys): arrays (one per key column) of at most the dialect's
     * array chunk size, or {@code IN} lists of at most its list chunk size in values.
     */
    private List<List<Object>> chunks(List<Object> keys, int columnsPerKey) {
        int size = Math.max(1, dialect.supports(Feature.ARRAY_PARAMETERS) ? dialect.arrayChunkSize()
                : dialect.inListChunkSize() / columnsPerKey);
        if (keys.size() <= size) {
            return List.of(keys);
        }
        List<List<Object>> chunks = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += size) {
            chunks.add(keys.subList(start, Math.min(keys.size(), start + size)));
        }
        return chunks;
    }
}
