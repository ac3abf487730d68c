package io.rowflow.internal.filter;

import io.rowflow.MappingException;
import io.rowflow.TenantException;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.query.TableConditions;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * The conditions of one view of a database on every read of an entity ({@link TableConditions}):
 * its global filters and soft-delete condition unless the view is unfiltered, and always its
 * tenant discriminator, bound per execution from the context. Also what writes of an entity need:
 * the tenant to fill or check, and the soft-delete column.
 */
public final class EntityFilters implements TableConditions {

    private final FilterSettings settings;
    private final boolean global;
    private final TableConditions extra;
    private final Map<Class<?>, EntityRules> rules = new ConcurrentHashMap<>();

    /**
     * The conditions of a view: {@code global} says whether filters and soft delete apply;
     * {@code extra} are further conditions (a test hook), always applied.
     */
    public EntityFilters(FilterSettings settings, boolean global, TableConditions extra) {
        this.settings = settings;
        this.global = global;
        this.extra = extra;
    }

    /** Whether global filters and soft delete apply (not in an unfiltered view). */
    public boolean global() {
        return global;
    }

    /** The same settings seen without global filters and soft delete (the tenant still applies). */
    public EntityFilters unfiltered() {
        return new EntityFilters(settings, false, extra);
    }

    @Override
    public @Nullable Predicate on(TableRef table, DefaultEntityModel<?> model) {
        List<Predicate> parts = new ArrayList<>(2);
        EntityRules rule = rules(model);
        if (global) {
            for (Function<TableRef, Predicate> filter : settings.filtersOf(model.type())) {
                parts.add(Objects.requireNonNull(filter.apply(table),
                        () -> "the filter of " + model.type().getName() + " returned null"));
            }
            MappedColumn deleted = rule.softDelete();
            if (deleted != null) {
                Expression column = new Expression.Column(table, deleted.propertyPath());
                parts.add(rule.booleanFlag()
                        ? new Predicate.Comparison(column, Predicate.ComparisonOperator.EQ, new Expression.Value(false))
                        : new Predicate.IsNull(column, false));
            }
        }
        MappedColumn tenant = rule.tenant();
        if (tenant != null) {
            parts.add(new Predicate.Comparison(new Expression.Column(table, tenant.propertyPath()),
                    Predicate.ComparisonOperator.EQ, new Expression.Value(settings.tenantValue())));
        }
        Predicate more = extra.on(table, model);
        if (more != null) {
            parts.add(more);
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new Predicate.And(parts);
    }

    @Override
    public void checkAssignment(DefaultEntityModel<?> model, MappedColumn column) {
        if (column.equals(rules(model).tenant())) {
            throw new io.rowflow.QueryException("Cannot set " + column.describe() + " in an update: it is the @TenantId "
                    + "of " + model.type().getSimpleName() + ", and rows never move to another tenant");
        }
        extra.checkAssignment(model, column);
    }

    /** The soft-delete and tenant columns of an entity. */
    EntityRules rules(DefaultEntityModel<?> model) {
        EntityRules known = rules.get(model.type());
        if (known != null) {
            return known;
        }
        EntityRules found = EntityRules.of(model);
        if (found.tenant() != null && !settings.hasTenantResolver()) {
            throw new MappingException(found.tenant().describe() + " is @TenantId but the database has no tenant "
                    + "resolver; give one with DatabaseBuilder.tenant(context -> ...)");
        }
        rules.put(model.type(), found);
        return found;
    }

    /** The soft-delete column of an entity, or {@code null} when it is deleted for real. */
    public @Nullable MappedColumn softDeleteColumn(DefaultEntityModel<?> model) {
        return rules(model).softDelete();
    }

    /** The tenant column of an entity, or {@code null}. */
    public @Nullable MappedColumn tenantColumn(DefaultEntityModel<?> model) {
        return rules(model).tenant();
    }

    /** The value a soft delete sets: {@code true}, or the clock's time in the column's type. */
    public Object deletedValue(MappedColumn column) {
        Instant now = settings.clock().instant();
        Class<?> type = column.javaType();
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.ofInstant(now, settings.clock().getZone());
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(now, settings.clock().getZone());
        }
        return now;
    }

    /** The current tenant, as a condition value bound per execution. */
    public Object tenantValue() {
        return settings.tenantValue();
    }

    /** The current tenant in a context; a {@link TenantException} when there is none. */
    public Object tenantIn(ContextView context) {
        return settings.tenantIn(context);
    }

    /**
     * What separates coalesced reads of this view in a context: the tenant, so one statement never
     * serves two tenants ({@code ""} without a tenant resolver).
     */
    public Object partition(ContextView context) {
        Object tenant = settings.tenantOrNull(context);
        return tenant == null ? "" : tenant;
    }

    /**
     * The entity as written for the context's tenant: its tenant property filled when {@code null};
     * a {@link TenantException} when it names another tenant or the context has none.
     */
    public <T> T forTenant(DefaultEntityModel<T> model, T entity, ContextView context, String operation) {
        MappedColumn column = rules(model).tenant();
        if (column == null) {
            return entity;
        }
        Object tenant = settings.tenantIn(context);
        Object current = model.valueOf(entity, column);
        if (current == null) {
            return model.with(entity, Map.of(column, tenant));
        }
        if (!current.equals(tenant)) {
            throw new TenantException("Cannot " + operation + " a " + model.type().getSimpleName() + " of tenant "
                    + current + " for tenant " + tenant + " (" + column.describe() + ")");
        }
        return entity;
    }
}
