package io.rowflow.internal.filter;

import io.rowflow.MappingException;
import io.rowflow.annotation.SoftDelete;
import io.rowflow.annotation.TenantId;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The soft-delete and tenant columns of one entity, found once from its annotated properties.
 *
 * @param softDelete the {@link SoftDelete} column, or {@code null}
 * @param tenant the {@link TenantId} column, or {@code null}
 */
record EntityRules(@Nullable MappedColumn softDelete, @Nullable MappedColumn tenant) {

    private static final Set<Class<?>> SOFT_DELETE_TYPES = Set.of(Instant.class, OffsetDateTime.class,
            LocalDateTime.class, boolean.class, Boolean.class);

    static EntityRules of(DefaultEntityModel<?> model) {
        MappedColumn softDelete = annotated(model, SoftDelete.class);
        if (softDelete != null && !SOFT_DELETE_TYPES.contains(softDelete.javaType())) {
            throw new MappingException(softDelete.describe() + " is @SoftDelete but of type "
                    + softDelete.javaType().getName() + "; use Instant, OffsetDateTime, LocalDateTime or boolean");
        }
        return new EntityRules(softDelete, annotated(model, TenantId.class));
    }

    boolean booleanFlag() {
        return softDelete != null && (softDelete.javaType() == boolean.class || softDelete.javaType() == Boolean.class);
    }

    private static @Nullable MappedColumn annotated(DefaultEntityModel<?> model, Class<? extends Annotation> annotation) {
        MappedColumn found = null;
        for (MappedColumn column : model.mappedColumns()) {
            if (column.propertyPath().indexOf('.') < 0 && field(model.type(), column.propertyPath(), annotation)) {
                if (found != null) {
                    throw new MappingException(model.type().getName() + " has more than one @"
                            + annotation.getSimpleName() + ": " + found.propertyPath() + " and " + column.propertyPath());
                }
                found = column;
            }
        }
        return found;
    }

    private static boolean field(Class<?> type, String name, Class<? extends Annotation> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                return field.isAnnotationPresent(annotation);
            } catch (NoSuchFieldException ignored) {
                // a superclass may declare it
            }
        }
        return false;
    }
}
