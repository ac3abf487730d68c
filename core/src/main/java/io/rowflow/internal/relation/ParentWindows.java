package io.rowflow.internal.relation;

import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.sql.Expression;
import io.rowflow.sql.OrderItem;
import io.rowflow.internal.model.SelectModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a query inside a transaction in windows, so that the connection is free between windows
 * for other statements (a fetch plan's follow-up queries, writes issued per row) and memory holds
 * a window at a time, not the whole result: the one windowing mechanism of streamed queries and
 * of the parents of fetch plans.
 *
 * <p>Where the dialect has server-side cursors, the query is read through a cursor (the executor's
 * {@code windows}). Elsewhere entity queries continue by keyset (the sort keys of the last row,
 * with the key columns appended as the final keys) when every sort key is a non-nullable column of
 * the selected entity, otherwise by offset, which is correct inside the transaction's snapshot but
 * costs the database more per window; other queries go to the executor's windows, which hold the
 * connection with a bounded read-ahead.
 */
public final class ParentWindows {

    private ParentWindows() {
    }

    /**
     * The windows of a statement, each read once the previous one was consumed. Respects the
     * statement's own limit and offset.
     *
     * @param model   the selected entity, {@code null} for a projection
     * @param cursors whether the dialect reads through server-side cursors
     * @param fetch   one keyset or offset window of the statement, read whole
     * @param windows the statement's windows as the executor reads them (cursor or bounded read-ahead)
     */
    public static <T> Flux<List<T>> read(SelectModel<T> statement, @Nullable DefaultEntityModel<T> model,
                                         int batchSize, boolean cursors,
                                         Function<SelectModel<T>, Mono<List<T>>> fetch,
                                         Function<SelectModel<T>, Flux<List<T>>> windows) {
        if (cursors || model == null) {
            return windows.apply(statement);
        }
        List<OrderItem> order = withIdLast(statement, model);
        boolean keyset = keysetApplies(statement, order, model);
        // withOrderBy drops a seek (it belongs to the old order): a statement that seeks keeps its own order and seek,
        // and is read in offset windows after its seek position.
        SelectModel<T> ordered = statement.seekAfter().isEmpty() ? statement.withOrderBy(order) : statement;
        Window<T> start = new Window<>(List.of(), 0, null, true);
        return Mono.just(start)
                .expand(window -> window.finished(statement, batchSize) ? Mono.empty()
                        : fetch.apply(next(ordered, window, batchSize, keyset, model, order))
                                .map(rows -> new Window<>(rows, window.consumed + rows.size(), last(rows), false)))
                .skip(1)
                .map(Window::rows)
                .filter(rows -> !rows.isEmpty());
    }

    private static <T> SelectModel<T> next(SelectModel<T> statement, Window<T> window, int batchSize,
                                               boolean keyset, DefaultEntityModel<T> model, List<OrderItem> order) {
        long size = statement.limit() == null ? batchSize : Math.min(batchSize, statement.limit() - window.consumed);
        SelectModel<T> page = statement.withLimit(size);
        if (keyset) {
            return window.last == null ? page : page.withSeekAfter(sortValues(window.last, model, order));
        }
        long offset = (statement.offset() == null ? 0 : statement.offset()) + window.consumed;
        return page.withOffset(offset == 0 ? null : offset);
    }

    private static <T> List<Object> sortValues(T row, DefaultEntityModel<T> model, List<OrderItem> order) {
        List<Object> values = new ArrayList<>(order.size());
        for (OrderItem item : order) {
            values.add(model.valueOf(row, model.column(((Expression.Column) item.expression()).propertyPath())));
        }
        return values;
    }

    /** The statement's order with every key column not already in it appended, so the order is total. */
    private static <T> List<OrderItem> withIdLast(SelectModel<T> statement, DefaultEntityModel<T> model) {
        List<OrderItem> order = new ArrayList<>(statement.orderBy());
        for (MappedColumn column : model.key().columns()) {
            Expression.Column key = new Expression.Column(statement.from(), column.propertyPath());
            if (order.stream().noneMatch(item -> item.expression().equals(key))) {
                order.add(new OrderItem(key, false, OrderItem.Nulls.DEFAULT));
            }
        }
        return order.size() == statement.orderBy().size() ? statement.orderBy() : order;
    }

    private static boolean keysetApplies(SelectModel<?> statement, List<OrderItem> order, DefaultEntityModel<?> model) {
        if (statement.offset() != null || !statement.seekAfter().isEmpty() || statement.distinct()
                || !statement.groupBy().isEmpty()) {
            return false;
        }
        for (OrderItem item : order) {
            if (!(item.expression() instanceof Expression.Column column) || !column.table().equals(statement.from())) {
                return false;
            }
            MappedColumn mapped = model.column(column.propertyPath());
            if (mapped == null || mapped.nullable()) {
                return false;
            }
        }
        return true;
    }

    private static <T> @Nullable T last(List<T> rows) {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    /** One window read so far: its rows, the rows read in all, the last row, and whether it is the empty start. */
    private record Window<T>(List<T> rows, long consumed, @Nullable T last, boolean initial) {
        /** A short window means the result is exhausted; so does reaching the statement's limit. */
        boolean finished(SelectModel<T> statement, int batchSize) {
            boolean limitReached = statement.limit() != null && consumed >= statement.limit();
            return limitReached || !initial && rows.size() < batchSize;
        }
    }
}
