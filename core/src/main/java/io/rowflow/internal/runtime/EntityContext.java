package io.rowflow.internal.runtime;

import io.rowflow.QueryException;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.execution.BindValues;
import io.rowflow.internal.mapping.DefaultEntityModel;
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

    EntityContext(EntityModels models, Dialect dialect) {
        this.models = models;
        this.dialect = dialect;
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

    /** Converts an id argument to a bind value through the id column's codec. */
    static BindValues idBinds(DefaultEntityModel<?> model, Object id, int expected) {
        MappedColumn idColumn = model.idColumn();
        Class<?> wrapped = java.lang.invoke.MethodType.methodType(idColumn.javaType()).wrap().returnType();
        if (!wrapped.isInstance(id)) {
            throw new QueryException("The id of " + model.type().getName() + " is a " + idColumn.javaType().getName()
                    + ", not a " + id.getClass().getName());
        }
        return new BindValues(expected).add(idColumn.codec(), id);
    }

    /** The id value of an entity, or a {@link QueryException} naming the operation if it is null. */
    static <T> Object requireId(DefaultEntityModel<T> model, Object[] values, String operation) {
        Object id = values[model.idColumn().index()];
        if (id == null) {
            throw new QueryException("Cannot " + operation + " a " + model.type().getName() + " whose id property '"
                    + model.idColumn().propertyPath() + "' is null");
        }
        return id;
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
