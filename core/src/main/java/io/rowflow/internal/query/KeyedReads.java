package io.rowflow.internal.query;

import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.sql.Expression;
import io.rowflow.sql.OrderItem;
import io.rowflow.internal.model.SelectModel;
import io.rowflow.sql.TableRef;
import io.rowflow.internal.model.FetchPlanModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The reads of entity rows by key of one database, as query-model statements ({@link KeyedRead})
 * rendered by the one SQL writer: lookups by id, existence checks, counts, and the key-set reads
 * of coalesced lookups and relationship follow-ups (through a link table for a many-to-many).
 * Each shape is rendered once and cached with its key values left to bind, so the same operation
 * always sends the same text (and hits the driver's statement cache) without rendering again; a
 * key set bound as {@code IN (...)} values is rendered per number of values, not cached.
 */
public final class KeyedReads {

    private static final String ALIAS = "entity";

    private static final int MODES = SqlWriter.Mode.values().length;

    private final QueryRenderer renderer;
    private final Dialect dialect;
    private final Map<Class<?>, AtomicReferenceArray<ReadTemplate>> entities = new ConcurrentHashMap<>();
    private final Map<SetShape, SetRendering> sets = new ConcurrentHashMap<>();

    /** Creates the reads of a database rendered by its renderer (and with its table conditions). */
    public KeyedReads(QueryRenderer renderer) {
        this.renderer = renderer;
        this.dialect = renderer.dialect();
    }

    /** The select of the entity with one key value (already checked with {@code keyArgument}). */
    public PreparedSql byId(DefaultEntityModel<?> model, Object key) {
        return single(model, SqlWriter.Mode.ROWS).bindOne(key);
    }

    /** Whether a row with one key value exists: {@code SELECT 1 ... LIMIT 1}. */
    public PreparedSql existsById(DefaultEntityModel<?> model, Object key) {
        return single(model, SqlWriter.Mode.EXISTS).bindOne(key);
    }

    /** {@code SELECT COUNT(*)} of the entity's rows. */
    public PreparedSql count(DefaultEntityModel<?> model) {
        return single(model, SqlWriter.Mode.COUNT).bind();
    }

    /**
     * The rows of the entity whose {@code key} columns (its key, a unique column or a foreign key)
     * hold one of the key values, ordered by the entity's key: one array per key column where the
     * dialect binds arrays, otherwise each value on its own. The caller bounds the number of keys.
     */
    public PreparedSql byKeys(DefaultEntityModel<?> model, EntityKey key, List<?> keys) {
        return set(model, key, null, keys);
    }

    /**
     * The rows of the entity whose {@code key} columns hold one of the key values and that meet a
     * fetch plan's criteria: its filter, its order (then the entity's key), and at most its limit
     * of rows per key value. Rendered per call: the criteria's values are bound in the text's shape.
     */
    public PreparedSql byKeys(DefaultEntityModel<?> model, EntityKey key, List<?> keys, FetchPlanModel.Criteria criteria) {
        return criteria.any() ? filtered(model, key, null, keys, criteria) : set(model, key, null, keys);
    }

    /**
     * The target rows linked through a link table to one of the owner keys, each followed by the
     * owner key of its link, ordered by the target's key.
     */
    public PreparedSql linked(DefaultEntityModel<?> target, LinkTable link, EntityKey ownerKey, List<?> keys) {
        return set(target, ownerKey, link, keys);
    }

    /** The linked target rows that meet a fetch plan's criteria, the limit applying per owner key. */
    public PreparedSql linked(DefaultEntityModel<?> target, LinkTable link, EntityKey ownerKey, List<?> keys,
                              FetchPlanModel.Criteria criteria) {
        return criteria.any() ? filtered(target, ownerKey, link, keys, criteria) : set(target, ownerKey, link, keys);
    }

    private PreparedSql filtered(DefaultEntityModel<?> model, EntityKey key, @Nullable LinkTable link, List<?> keys,
                                 FetchPlanModel.Criteria criteria) {
        TableRef table = new TableRef(model.type(), CriteriaAlias.of(criteria, model.type(), ALIAS));
        List<OrderItem> order = new ArrayList<>(criteria.orderBy());
        for (MappedColumn column : model.key().columns()) {
            Expression.Column keyColumn = new Expression.Column(table, column.propertyPath());
            if (order.stream().noneMatch(item -> item.expression().equals(keyColumn))) {
                order.add(new OrderItem(keyColumn, false, OrderItem.Nulls.DEFAULT));
            }
        }
        SelectModel<?> select = SelectModel.of(table, model.type()).withWhere(criteria.where()).withOrderBy(order);
        KeyedRead.Form form = arraysFit(key) ? KeyedRead.Form.ARRAYS : KeyedRead.Form.LIST;
        KeyedRead.Match match = new KeyedRead.Match(key, form, form == KeyedRead.Form.ARRAYS ? 1 : keys.size());
        return renderer.template(new KeyedRead(select, SqlWriter.Mode.ROWS, match, link, criteria.limit())).bindAll(keys);
    }

    private PreparedSql set(DefaultEntityModel<?> model, EntityKey key, @Nullable LinkTable link, List<?> keys) {
        SetShape shape = new SetShape(model.type(), key.columns(), link);
        SetRendering rendering = sets.get(shape);
        if (rendering == null) {
            rendering = sets.computeIfAbsent(shape, ignored -> new SetRendering(arraysFit(key)
                    ? renderer.template(new KeyedRead(ordered(model), SqlWriter.Mode.ROWS,
                            new KeyedRead.Match(key, KeyedRead.Form.ARRAYS, 1), link))
                    : null));
        }
        if (rendering.arrays != null) {
            return rendering.arrays.bindAll(keys);
        }
        return renderer.template(new KeyedRead(ordered(model), SqlWriter.Mode.ROWS,
                new KeyedRead.Match(key, KeyedRead.Form.LIST, keys.size()), link)).bindAll(keys);
    }

    /** Whether the dialect tests these key columns against arrays (one column, or its arrays test for several). */
    private boolean arraysFit(EntityKey key) {
        if (!dialect.supports(Feature.ARRAY_PARAMETERS)) {
            return false;
        }
        List<MappedColumn> columns = key.columns();
        return columns.size() == 1 || dialect.inArrays(columns.stream().map(MappedColumn::columnName).toList(),
                columns.stream().map(column -> "?").toList(),
                columns.stream().<Class<?>>map(MappedColumn::storedType).toList()) != null;
    }

    /**
     * The entity's read of this mode, rendered on first use: its rows or whether one exists by one
     * key value, or the count of all its rows.
     */
    private ReadTemplate single(DefaultEntityModel<?> model, SqlWriter.Mode mode) {
        AtomicReferenceArray<ReadTemplate> templates = entities.get(model.type());
        if (templates == null) {
            templates = entities.computeIfAbsent(model.type(), ignored -> new AtomicReferenceArray<>(MODES));
        }
        ReadTemplate template = templates.get(mode.ordinal());
        if (template == null) {
            KeyedRead.Match byKey = mode == SqlWriter.Mode.COUNT ? null
                    : new KeyedRead.Match(model.key(), KeyedRead.Form.EQUAL, 1);
            template = renderer.template(new KeyedRead(select(model), mode, byKey, null));
            templates.set(mode.ordinal(), template);
        }
        return template;
    }

    private static SelectModel<?> select(DefaultEntityModel<?> model) {
        return SelectModel.of(new TableRef(model.type(), ALIAS), model.type());
    }

    /** The select of the entity's rows ordered by its key, so loaded collections have a stable order. */
    private static SelectModel<?> ordered(DefaultEntityModel<?> model) {
        TableRef table = new TableRef(model.type(), ALIAS);
        return SelectModel.of(table, model.type()).withOrderBy(model.key().columns().stream()
                .map(column -> new OrderItem(new Expression.Column(table, column.propertyPath()), false,
                        OrderItem.Nulls.DEFAULT))
                .toList());
    }

    /** The shape of a key-set read: entity, compared columns and link table. */
    private record SetShape(Class<?> type, List<MappedColumn> columns, @Nullable LinkTable link) {
    }

    /** A key-set read's template when its keys bind as arrays; {@code null} when they bind as {@code IN} lists. */
    private record SetRendering(@Nullable ReadTemplate arrays) {
    }
}
