package io.rowflow.internal.relation;

import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
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
import reactor.core.publisher.Flux;

/**
 * The follow-up queries of relationship loading: the rows of an entity whose column matches any
 * of a set of keys ({@code = ANY($1)} with arrays of at most {@link Dialect#arrayChunkSize()} keys
 * where the dialect binds arrays, {@code IN (...)} lists of at most {@link Dialect#inListChunkSize()}
 * elsewhere), and the targets of a many-to-many with the owner key of each link. Each statement's
 * rows come sorted by the target's id; all rows of one key are in one statement, so loaded
 * collections have a stable order.
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

    /** Entities of {@code model} whose {@code column} holds one of the keys. */
    public <T> Flux<T> byKeys(DefaultEntityModel<T> model, MappedColumn column, List<Object> keys) {
        TableRef table = new TableRef(model.type(), "related");
        OrderItem byId = new OrderItem(new Expression.Column(table, model.idColumn().propertyPath()), false,
                OrderItem.Nulls.DEFAULT);
        return Flux.fromIterable(chunks(keys)).concatMap(chunk -> {
            List<Expression> values = chunk.stream().<Expression>map(Expression.Value::new).toList();
            SelectStatement<T> statement = SelectStatement.of(table, model.type())
                    .withWhere(new Predicate.InList(new Expression.Column(table, column.propertyPath()), values, false))
                    .withOrderBy(List.of(byId));
            RenderedSelect<T> rendered = renderer.select(statement);
            return executor.query(rendered.statement(), 0, rendered.mapper().get());
        });
    }

    /** Targets linked to the owner keys through a link table, each with the owner key of its link. */
    <T> Flux<Linked<T>> linked(DefaultEntityModel<T> target, String linkTable, String ownerColumn, String targetColumn,
                               MappedColumn ownerKey, List<Object> keys) {
        String columns = target.mappedColumns().stream()
                .map(c -> "t." + dialect.quote(c.columnName())).collect(Collectors.joining(", "));
        String select = "SELECT " + columns + ", l." + dialect.quote(ownerColumn) + " FROM "
                + EntitySql.qualifiedTable(target, dialect) + " t JOIN " + dialect.quote(linkTable) + " l ON l."
                + dialect.quote(targetColumn) + " = t." + dialect.quote(target.idColumn().columnName()) + " WHERE ";
        String keyed = "l." + dialect.quote(ownerColumn);
        String order = " ORDER BY t." + dialect.quote(target.idColumn().columnName());
        int ownerPosition = target.mappedColumns().size();
        EntityRowMapper<T> mapper = EntityRowMapper.byPosition(target);
        return Flux.fromIterable(chunks(keys)).concatMap(chunk -> executor.query(statement(select, keyed, order, ownerKey, chunk), 0,
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
     * The keys in chunks of at most the dialect's array or {@code IN} list size, so that no
     * statement binds an unbounded number of keys (a nested level gathers a whole batch's child keys).
     */
    private List<List<Object>> chunks(List<Object> keys) {
        int size = Math.max(1, dialect.supports(Feature.ARRAY_PARAMETERS) ? dialect.arrayChunkSize()
                : dialect.inListChunkSize());
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
