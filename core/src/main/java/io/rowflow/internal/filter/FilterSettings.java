package io.rowflow.internal.filter;

import io.rowflow.TenantException;
import io.rowflow.internal.query.ContextValue;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * What a database was configured with for filtering: the global filters declared per entity type,
 * the tenant resolver and the clock soft deletes are stamped with. Filled by the builder, then
 * read only.
 */
public final class FilterSettings {

    private final Map<Class<?>, List<Function<TableRef, Predicate>>> filters = new LinkedHashMap<>();
    private @Nullable Function<ContextView, ? extends @Nullable Object> tenant;
    private Clock clock = Clock.systemUTC();
    private @Nullable Function<ContextView, ? extends @Nullable Object> routing;
    private final ContextValue tenantValue = this::tenantIn;

    /** Adds a filter on every read of an entity type. */
    public void filter(Class<?> type, Function<TableRef, Predicate> filter) {
        filters.computeIfAbsent(Objects.requireNonNull(type, "type"), ignored -> new ArrayList<>())
                .add(Objects.requireNonNull(filter, "filter"));
    }

    /** Takes the current tenant from the subscriber's context with this function. */
    public void tenant(Function<ContextView, ? extends @Nullable Object> resolver) {
        this.tenant = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Separates coalesced reads by this tenant when no tenant resolver is set: the connections are
     * routed per tenant ({@link io.rowflow.TenantConnections}).
     */
    public void partitionBy(Function<ContextView, ? extends @Nullable Object> tenantOfConnections) {
        this.routing = Objects.requireNonNull(tenantOfConnections, "tenantOfConnections");
    }

    /** Stamps soft deletes with this clock. */
    public void clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    List<Function<TableRef, Predicate>> filtersOf(Class<?> type) {
        return filters.getOrDefault(type, List.of());
    }

    Clock clock() {
        return clock;
    }

    boolean hasTenantResolver() {
        return tenant != null;
    }

    /** The current tenant as a bind value of the SQL writer, resolved per execution. */
    ContextValue tenantValue() {
        return tenantValue;
    }

    /** The current tenant in a context; a {@link TenantException} when there is none. */
    Object tenantIn(ContextView context) {
        Function<ContextView, ? extends @Nullable Object> resolver = tenant;
        Object value = resolver == null ? null : resolver.apply(context);
        if (value == null) {
            throw new TenantException("No tenant in the Reactor Context: an entity with a @TenantId is read or "
                    + "written only for the tenant DatabaseBuilder.tenant(...) finds there; add it with contextWrite");
        }
        return value;
    }

    /** The current tenant in a context (of the resolver, else of the routing), or {@code null}. */
    @Nullable Object tenantOrNull(ContextView context) {
        Function<ContextView, ? extends @Nullable Object> resolver = tenant != null ? tenant : routing;
        return resolver == null ? null : resolver.apply(context);
    }
}
