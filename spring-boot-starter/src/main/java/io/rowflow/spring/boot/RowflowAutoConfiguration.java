package io.rowflow.spring.boot;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.Database;
import io.rowflow.callback.AuditorProvider;
import java.time.Clock;
import io.rowflow.DatabaseBuilder;
import io.rowflow.RowflowException;
import io.rowflow.convert.Converter;
import io.rowflow.dialect.Dialect;
import io.rowflow.observe.OperationListener;
import io.rowflow.spring.SpringTransactionConnectionProvider;
import java.lang.reflect.InvocationTargetException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;

/**
 * Auto-configures a Rowflow {@link Database} over the application's R2DBC {@link ConnectionFactory}
 * (the one Spring Boot builds from {@code spring.r2dbc.*}, pooled when r2dbc-pool is present, or
 * the application's own), joining Spring's reactive transactions through a
 * {@link SpringTransactionConnectionProvider}.
 *
 * <p>The dialect comes from a {@link Dialect} bean, else the {@code rowflow.dialect} property, else
 * detection from the connection factory's metadata. Every {@link Converter} bean is registered, an
 * {@link AuditorProvider} bean supplies {@code @CreatedBy}/{@code @UpdatedBy} and a {@link Clock}
 * bean {@code @CreatedAt}/{@code @UpdatedAt}; then every {@link DatabaseBuilderCustomizer} bean runs,
 * one of which registers every {@link OperationListener} bean (in bean order).
 * With {@code rowflow.replicas[0].url} set, the connection provider is an
 * {@link io.rowflow.replica.ReplicaRouting} over a pool per replica (settings under
 * {@code rowflow.routing.*}), still joining Spring's transactions for the primary. The configuration backs off when the
 * application defines its own {@code Database} (or {@link ConnectionProvider}) bean, and when
 * there is no single {@code ConnectionFactory}.
 *
 * <p>The database depends on Spring Boot's database initialization: Flyway and Liquibase migrations
 * (run over JDBC from {@code spring.flyway.url} / {@code spring.liquibase.url} in an R2DBC
 * application) and {@code spring.sql.init} scripts complete before the {@code Database} bean
 * exists, so nothing, start-up schema validation included, sees the schema before it is migrated.
 *
 * @since 0.1
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class})
@ConditionalOnClass({Database.class, ConnectionFactory.class, ConnectionFactoryUtils.class})
@ConditionalOnSingleCandidate(ConnectionFactory.class)
@EnableConfigurationProperties(RowflowProperties.class)
@Import({ReplicaRoutingConfiguration.class, DatabaseInitializationDependencyConfigurer.class})
public final class RowflowAutoConfiguration {

    /** Rowflow operations join the Spring transaction of the connection factory, if one is running. */
    @Bean
    @ConditionalOnMissingBean(ConnectionProvider.class)
    public SpringTransactionConnectionProvider rowflowConnectionProvider() {
        return new SpringTransactionConnectionProvider();
    }

    /** The database, over the application's connection factory, once migrations and init scripts have run. */
    @Bean
    @ConditionalOnMissingBean(Database.class)
    @DependsOnDatabaseInitialization
    public Database rowflowDatabase(ConnectionFactory connectionFactory, RowflowProperties properties,
                                    ConnectionProvider connectionProvider, ObjectProvider<Dialect> dialect,
                                    ObjectProvider<Converter<?, ?>> converters,
                                    ObjectProvider<DatabaseBuilderCustomizer> customizers,
                                    ObjectProvider<AuditorProvider> auditor, ObjectProvider<Clock> clock) {
        DatabaseBuilder builder = Database.builder(connectionFactory)
                .connectionProvider(connectionProvider)
                .insertChunkSize(properties.insertChunkSize())
                .relationBatchSize(properties.relationBatchSize())
                .coalescing(properties.coalescing().toSettings());
        Dialect chosen = dialect.getIfUnique(() -> dialectNamed(properties.dialect()));
        if (chosen != null) {
            builder.dialect(chosen);
        }
        converters.orderedStream().forEach(builder::converter);
        auditor.ifUnique(builder::auditor);
        clock.ifUnique(builder::clock);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * Registers every {@link OperationListener} bean of the application (a statement recorder of
     * a test, an audit log) on the database, in bean order.
     *
     * @since 0.2
     */
    @Bean
    public DatabaseBuilderCustomizer rowflowOperationListeners(ObjectProvider<OperationListener> listeners) {
        return builder -> listeners.orderedStream().forEach(builder::listener);
    }

    /**
     * Validates the entity mappings against the live schema at start-up, when
     * {@code rowflow.schema.validate=true}, after migrations; see {@link StartupSchemaValidation}.
     */
    @Bean
    @DependsOnDatabaseInitialization
    @ConditionalOnProperty(prefix = "rowflow.schema", name = "validate", havingValue = "true")
    public StartupSchemaValidation rowflowStartupSchemaValidation(Database database, RowflowProperties properties,
                                                                  BeanFactory beanFactory) {
        return new StartupSchemaValidation(database, properties.schema().entities(), beanFactory);
    }

    /** The dialect the property names, or {@code null} to detect it. */
    static @Nullable Dialect dialectNamed(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (Dialect builtIn : Dialect.builtIns()) {
            if (builtIn.name().equalsIgnoreCase(name.trim())) {
                return builtIn;
            }
        }
        if (!name.contains(".")) {
            throw new RowflowException("rowflow.dialect=" + name + " names no built-in dialect; use one of "
                    + Dialect.builtIns().stream().map(Dialect::name).collect(Collectors.joining(", "))
                    + " or the class name of a Dialect");
        }
        return instantiate(name.trim());
    }

    private static Dialect instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, RowflowAutoConfiguration.class.getClassLoader());
            if (!Dialect.class.isAssignableFrom(type)) {
                throw new RowflowException("rowflow.dialect=" + className + " is not a " + Dialect.class.getName());
            }
            return (Dialect) type.getConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new RowflowException("rowflow.dialect=" + className + " cannot be created: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "RowflowAutoConfiguration";
    }
}
