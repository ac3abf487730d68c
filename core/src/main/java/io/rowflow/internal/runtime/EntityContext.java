package io.rowflow.internal.runtime;

import io.rowflow.QueryException;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.callback.Callbacks;
import io.rowflow.internal.callback.EntityLifecycle;
import io.rowflow.internal.execution.BindValues;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.sql.EntitySql;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Per-database cache pairing each entity model with its rendered CRUD SQL, plus the small value
 * helpers the entity operations share (ids, initial and next versions).
 */
final class EntityContext {

    private final EntityModels models;
    private final Dialect dialect;
    private final Map<Class<?>, EntitySql> statements = new ConcurrentHashMap<>();
    private final Callbacks callbacks;

    EntityContext(EntityModels models, Dialect dialect, Callbacks callbacks) {
        this.models = models;
        this.dialect = dialect;
        this.callbacks = callbacks;
    }

    /** The lifecycle callbacks (and auditing) of an entity type. */
    <T> EntityLifecycle<T> lifecycle(DefaultEntityModel<T> model) {
        return callbacks.of(model);
    }

    Callbacks callbacks() {
        return callbacks;
    }

    <T> DefaultEntityModel<T> model(Class<T> type) {
        return models.entity(type);
    }

    @SuppressWarnings("unchecked")
    <T> DefaultEntityModel<T> modelOf(T entity) {
        return (DefaultEntityModel<T>) models.entity(entity.getClass());
    }

    EntitySql sql(DefaultEntityModel<?> model) {
        EntitySql sql = statements.get(model.type());
        return sql != null ? sql : statements.computeIfAbsent(model.type(), t -> new EntitySql(model, dialect));
    }

    /**
     * Converts a key argument to bind values, one per key column in key order, through the key
     * columns' codecs; a {@link QueryException} when it is not a key value of the entity.
     */
    static BindValues keyBinds(DefaultEntityModel<?> model, Object id, int expected) {
        EntityKey key = model.key();
        Object[] values = key.columnValues(model.keyArgument(id));
        BindValues binds = new BindValues(expected + values.length - 1);
        for (int i = 0; i < values.length; i++) {
            binds.add(key.columns().get(i).codec(), values[i]);
        }
        return binds;
    }

    /** Adds an entity's key column values, in key order, to binds. */
    static BindValues addKey(BindValues binds, DefaultEntityModel<?> model, Object[] entityValues) {
        for (MappedColumn column : model.key().columns()) {
            binds.add(column.codec(), entityValues[column.index()]);
        }
        return binds;
    }

    /**
     * The key value of an entity's extracted values, or a {@link QueryException} naming the
     * operation and the null key properties.
     */
    static <T> Object requireId(DefaultEntityModel<T> model, Object[] values, String operation) {
        Object id = model.key().fromEntityValues(values);
        if (id == null) {
            java.util.List<String> missing = model.key().columns().stream()
                    .filter(column -> values[column.index()] == null).map(MappedColumn::propertyPath).toList();
            String properties = missing.size() == 1 ? "id property '" + missing.get(0) + "' is"
                    : "key properties " + missing + " are";
            throw new QueryException("Cannot " + operation + " a " + model.type().getName() + " whose " + properties
                    + " null");
        }
        return id;
    }

    /** Whether an entity's extracted values hold its whole key. */
    static boolean hasKey(DefaultEntityModel<?> model, Object[] values) {
        return model.key().fromEntityValues(values) != null;
    }

    /** The version to store on insert: the entity's, or 0 when it has none. Records the replacement. */
    static void initialVersion(DefaultEntityModel<?> model, Object[] values, Map<MappedColumn, Object> replacements) {
        MappedColumn version = model.versionColumn();
        if (version != null && values[version.index()] == null) {
            Object zero = isLong(version) ? (Object) 0L : (Object) 0;
            values[version.index()] = zero;
            replacements.put(version, zero);
        }
    }

    /** The version after an update. */
    static Object nextVersion(MappedColumn version, Object current) {
        return isLong(version) ? (Object) (((Number) current).longValue() + 1) : (Object) (((Number) current).intValue() + 1);
    }

    static Map<MappedColumn, Object> replacements() {
        return new HashMap<>(4);
    }

    private static boolean isLong(MappedColumn version) {
        return version.javaType() == long.class || version.javaType() == Long.class;
    }

    static @Nullable Object valueAt(Object[] values, MappedColumn column) {
        return values[column.index()];
    }
}
