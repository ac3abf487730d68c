package io.rowflow.internal.callback;

import io.rowflow.QueryException;
import io.rowflow.callback.AuditorProvider;
import io.rowflow.callback.EntityCallback;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.mapping.AuditRole;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The audit callbacks of an entity with audit columns: before an insert they fill the
 * {@code @CreatedAt}/{@code @CreatedBy} properties that are {@code null} and every
 * {@code @UpdatedAt}/{@code @UpdatedBy} property; before an update only the latter. Times come
 * from the clock, the auditor from the subscriber's context; an empty auditor leaves the
 * properties as they are.
 */
final class Auditing {

    private Auditing() {
    }

    /** The callback filling the audit columns, or {@code null} when the entity has none for this write. */
    static <T> @Nullable EntityCallback<T> callback(DefaultEntityModel<T> model, boolean insert, Clock clock,
                                                     @Nullable AuditorProvider auditor) {
        List<MappedColumn> columns = model.mappedColumns().stream()
                .filter(column -> column.audit() != null && (insert || !column.audit().onCreation()))
                .toList();
        if (columns.isEmpty()) {
            return null;
        }
        boolean needsAuditor = auditor != null && columns.stream().anyMatch(column -> !column.audit().isTime());
        return (entity, context) -> {
            Instant now = clock.instant();
            if (!needsAuditor) {
                return Mono.just(stamp(model, entity, columns, now, clock, null));
            }
            Mono<?> current = auditor.currentAuditor(context);
            return (current == null ? Mono.empty() : current).map(Optional::<Object>of)
                    .defaultIfEmpty(Optional.empty())
                    .map(who -> stamp(model, entity, columns, now, clock, who.orElse(null)));
        };
    }

    private static <T> T stamp(DefaultEntityModel<T> model, T entity, List<MappedColumn> columns, Instant now, Clock clock,
                               @Nullable Object auditor) {
        Object[] values = model.extract(entity);
        Map<MappedColumn, Object> replacements = new HashMap<>(columns.size() * 2);
        for (MappedColumn column : columns) {
            AuditRole role = column.audit();
            if (role.onCreation() && isSet(values[column.index()])) {
                continue;
            }
            if (role.isTime()) {
                replacements.put(column, time(column.javaType(), now, clock));
            } else if (auditor != null) {
                if (!java.lang.invoke.MethodType.methodType(column.javaType()).wrap().returnType().isInstance(auditor)) {
                    throw new QueryException("The auditor is a " + auditor.getClass().getName() + " but "
                            + column.describe() + " (" + role + ") has type " + column.javaType().getName()
                            + "; make the AuditorProvider emit that type");
                }
                replacements.put(column, auditor);
            }
        }
        return replacements.isEmpty() ? entity : model.with(entity, replacements);
    }

    /** Whether a created-property holds a value already ({@code 0} counts as unset for a primitive {@code long}). */
    private static boolean isSet(@Nullable Object value) {
        return value != null && !(value instanceof Long number && number == 0L);
    }

    private static Object time(Class<?> type, Instant now, Clock clock) {
        if (type == Instant.class) {
            return now;
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.ofInstant(now, clock.getZone());
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(now, clock.getZone());
        }
        return now.toEpochMilli();
    }
}
