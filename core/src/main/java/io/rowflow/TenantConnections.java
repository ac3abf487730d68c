package io.rowflow;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.dialect.Dialect;
import io.rowflow.observe.Operation;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A {@link ConnectionProvider} for schema- or database-per-tenant: every connection Rowflow takes
 * is for the tenant found in the operation's Reactor {@code Context}, either from that tenant's
 * own {@link ConnectionFactory} ({@link #perFactory}) or from the database's factory switched to
 * the tenant's schema ({@code SET search_path} on PostgreSQL, {@code USE} on MariaDB,
 * {@code SET SCHEMA} on H2; {@link #perSchema}). Without a tenant in the context an operation fails
 * with {@link TenantException}. Coalesced reads are gathered per tenant when a database uses it.
 *
 * <p>Pass it to {@link DatabaseBuilder#connectionProvider(ConnectionProvider)}. With
 * {@link #perSchema} the schema is set on every acquisition, so a pooled connection given back
 * keeps the last tenant's schema until Rowflow takes it again: give code outside Rowflow a pool of
 * its own. Raw SQL through {@link Database#sql(String)} runs in the tenant's schema too.
 *
 * @since 0.2
 */
public final class TenantConnections implements ConnectionProvider {

    private final Function<ContextView, ? extends @Nullable Object> tenant;
    private final Function<Object, ConnectionFactory> factories;
    private final @Nullable Function<Object, String> switchStatement;

    private TenantConnections(Function<ContextView, ? extends @Nullable Object> tenant,
                              Function<Object, ConnectionFactory> factories,
                              @Nullable Function<Object, String> switchStatement) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.factories = factories;
        this.switchStatement = switchStatement;
    }

    /**
     * Connections from each tenant's own factory ({@code factoryOf} is called per acquisition; cache
     * the factories, pools especially). The database's own factory is used only to detect the dialect.
     */
    public static TenantConnections perFactory(Function<ContextView, ? extends @Nullable Object> tenant,
                                               Function<Object, ConnectionFactory> factoryOf) {
        Objects.requireNonNull(factoryOf, "factoryOf");
        return new TenantConnections(tenant, factoryOf, null);
    }

    /**
     * Connections from the database's factory, switched to the schema (a database on MariaDB) that
     * {@code schemaOf} names for the tenant; the name is quoted as an identifier by the dialect.
     */
    public static TenantConnections perSchema(Function<ContextView, ? extends @Nullable Object> tenant,
                                              Function<Object, String> schemaOf, Dialect dialect) {
        Objects.requireNonNull(schemaOf, "schemaOf");
        Objects.requireNonNull(dialect, "dialect");
        String name = dialect.name().toLowerCase(Locale.ROOT);
        String prefix = name.contains("maria") || name.contains("mysql") ? "USE "
                : name.contains("h2") ? "SET SCHEMA " : "SET search_path TO ";
        return new TenantConnections(tenant, null, value -> {
            String schema = schemaOf.apply(value);
            if (schema == null || schema.isBlank()) {
                throw new TenantException("No schema for tenant " + value);
            }
            return prefix + dialect.quote(schema);
        });
    }

    /** The tenant in a context, or {@code null}. */
    public @Nullable Object tenantOrNull(ContextView context) {
        return tenant.apply(context);
    }

    @Override
    public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
        return Mono.error(new IllegalStateException("TenantConnections needs the operation: acquire(factory, operation)"));
    }

    @Override
    public Publisher<? extends Connection> acquire(ConnectionFactory factory, Operation operation) {
        return Mono.deferContextual(context -> {
            Object current = tenant.apply(context);
            if (current == null) {
                return Mono.error(new TenantException("No tenant in the Reactor Context to choose the connection of "
                        + operation.kind() + (operation.entityType() == null ? "" : " of " + operation.entityType().getSimpleName())
                        + " by; add it with contextWrite"));
            }
            if (switchStatement == null) {
                return Mono.from(factories.apply(current).create());
            }
            String statement = switchStatement.apply(current);
            return Mono.from(factory.create()).flatMap(connection -> Mono.from(connection.createStatement(statement).execute())
                    .flatMap(result -> Mono.from(result.getRowsUpdated()))
                    .thenReturn(connection)
                    .onErrorResume(error -> Mono.from(connection.close()).then(Mono.error(error))));
        });
    }

    @Override
    public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
        return connection.close();
    }

    @Override
    public String toString() {
        return switchStatement == null ? "TenantConnections.perFactory" : "TenantConnections.perSchema";
    }
}
