package io.rowflow.spring.boot;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the auto-configured Rowflow {@code Database}, under {@code rowflow.*}. The connection
 * itself is Spring Boot's: {@code spring.r2dbc.url}, {@code spring.r2dbc.username},
 * {@code spring.r2dbc.pool.*}.
 *
 * @param dialect the dialect to use instead of detecting one from the connection factory: the name
 *                of a built-in dialect ({@code PostgreSQL}, {@code MariaDB}, {@code H2}; case does not matter) or the
 *                class name of a {@code Dialect} with a public no-argument constructor. A
 *                {@code Dialect} bean wins over this property.
 * @param insertChunkSize the most rows one multi-row insert statement carries
 * @param coalescing how concurrent lookups and relationship loads are coalesced, under {@code rowflow.coalescing.*}
 * @param relationBatchSize parents per batch when loading relationships, for queries and calls that
 *                          set no batch size of their own ({@code 256}; see
 *                          {@link io.rowflow.DatabaseBuilder#relationBatchSize(int)})
 * @param schema whether and what to validate against the live schema at start-up, under {@code rowflow.schema.*}
 * @param replicas read replicas of the database, under {@code rowflow.replicas[i].*}: when there is
 *                 one, reads go to them through an {@link io.rowflow.replica.ReplicaRouting}
 * @param routing how reads are routed to the replicas, under {@code rowflow.routing.*}
 * @since 0.1
 */
@ConfigurationProperties("rowflow")
public record RowflowProperties(@Nullable String dialect, @DefaultValue("1000") int insertChunkSize,
                                @DefaultValue CoalescingProperties coalescing,
                                @DefaultValue("256") int relationBatchSize, @DefaultValue SchemaProperties schema,
                                @DefaultValue List<ReplicaProperties> replicas, @DefaultValue RoutingProperties routing) {

    /**
     * {@code rowflow.replicas[i].*}: one read replica, connected to with its own pool.
     *
     * @param name the name in logs and metrics ({@code replica-1}, {@code replica-2}, ... by position)
     * @param url its R2DBC URL ({@code r2dbc:postgresql://replica-host:5432/app})
     * @param username the user, when not in the URL
     * @param password the password, when not in the URL
     * @param poolSize the most connections to it at once ({@code 10})
     * @since 0.2
     */
    public record ReplicaProperties(@Nullable String name, String url, @Nullable String username,
                                    @Nullable String password, @DefaultValue("10") int poolSize) {
    }

    /**
     * {@code rowflow.routing.*}: the settings of {@link io.rowflow.replica.ReplicaRouting}.
     *
     * @param selector {@code round-robin} or {@code least-busy} ({@code round-robin})
     * @param maxLag how far behind the primary a replica may be before reads skip it ({@code 5s})
     * @param readYourWritesWait how long a read waits for a replica to replay its session's last
     *                           commit before reading from the primary ({@code 100ms})
     * @param healthCheckInterval how often the replicas' state and lag are checked ({@code 1s})
     * @since 0.2
     */
    public record RoutingProperties(@DefaultValue("round-robin") String selector, @DefaultValue("5s") Duration maxLag,
                                    @DefaultValue("100ms") Duration readYourWritesWait,
                                    @DefaultValue("1s") Duration healthCheckInterval) {
    }

    /**
     * {@code rowflow.schema.*}: schema validation at start-up ({@code Schema.validate}).
     *
     * @param validate whether the application validates its entity mappings against the live schema
     *                 when it starts, failing the start on any mismatch ({@code false})
     * @param entities the entity classes to validate; when empty, every {@code @Table} class under
     *                 the application's auto-configuration packages
     * @since 0.1
     */
    public record SchemaProperties(@DefaultValue("false") boolean validate, @DefaultValue List<Class<?>> entities) {
    }

    /**
     * {@code rowflow.coalescing.*}: the {@link io.rowflow.Coalescing} settings of the database.
     *
     * @param enabled whether concurrent reads are coalesced at all ({@code true})
     * @param maxInFlight statements of one kind running at once before requests are gathered ({@code 2})
     * @param maxBatchSize the most keys one gathered statement carries ({@code 256})
     */
    public record CoalescingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int maxInFlight,
                                       @DefaultValue("256") int maxBatchSize) {

        /** The settings these properties describe. */
        public io.rowflow.Coalescing toSettings() {
            return new io.rowflow.Coalescing(enabled, maxInFlight, maxBatchSize);
        }
    }
}
