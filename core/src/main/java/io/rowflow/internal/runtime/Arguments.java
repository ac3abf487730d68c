package io.rowflow.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks the arguments of {@link io.rowflow.Database} operations at the call. A {@code null} is a
 * programming error, not a data problem: it throws {@link NullPointerException} at once, its
 * message naming the operation, the argument and, where known, the entity class.
 */
final class Arguments {

    private Arguments() {
    }

    /** The entity class of an operation, never {@code null}. */
    static <T> Class<T> entityType(@Nullable Class<T> entityType, String operation) {
        if (entityType == null) {
            throw new NullPointerException(operation + ": entityType must not be null");
        }
        return entityType;
    }

    /** An entity (or the entities) passed to an operation, never {@code null}. */
    static <T> T entity(@Nullable T entity, String operation) {
        if (entity == null) {
            throw new NullPointerException(operation + ": " + (operation.endsWith("All") ? "entities" : "entity")
                    + " must not be null");
        }
        return entity;
    }

    /** The id of an entity class passed to an operation, never {@code null}. */
    static Object id(@Nullable Object id, Class<?> entityType, String operation) {
        if (id == null) {
            throw new NullPointerException(operation + ": the id of " + entityType.getName() + " must not be null");
        }
        return id;
    }

    /** The ids of an entity class, copied, none of them {@code null}. */
    static List<Object> ids(@Nullable Iterable<?> ids, Class<?> entityType, String operation) {
        if (ids == null) {
            throw new NullPointerException(operation + ": the ids of " + entityType.getName() + " must not be null");
        }
        List<Object> copy = new ArrayList<>();
        for (Object id : ids) {
            if (id == null) {
                throw new NullPointerException(operation + ": the ids of " + entityType.getName()
                        + " must not contain null (position " + copy.size() + ")");
            }
            copy.add(id);
        }
        return copy;
    }
}
