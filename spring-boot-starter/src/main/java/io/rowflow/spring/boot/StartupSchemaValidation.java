package io.rowflow.spring.boot;

import io.rowflow.Database;
import io.rowflow.RowflowException;
import io.rowflow.annotation.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Validates the entity mappings against the live schema once every singleton exists, when
 * {@code rowflow.schema.validate=true}: the classes of {@code rowflow.schema.entities}, else the
 * {@code @Table} classes under the application's auto-configuration packages. A mismatch fails
 * the application's start with the {@link io.rowflow.SchemaValidationException}; start-up waits
 * for the catalog to be read (at most {@link #TIMEOUT}), as it waits for migrations. It validates
 * the migrated schema: Flyway, Liquibase and {@code spring.sql.init} run before the database bean
 * is created, and this runs once every singleton exists.
 *
 * @since 0.1
 */
public final class StartupSchemaValidation implements SmartInitializingSingleton {

    /** The longest start-up waits for the catalog. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Database database;
    private final List<Class<?>> configured;
    private final BeanFactory beanFactory;

    StartupSchemaValidation(Database database, List<Class<?>> configured, BeanFactory beanFactory) {
        this.database = database;
        this.configured = List.copyOf(configured);
        this.beanFactory = beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Class<?>> entities = entities();
        if (entities.isEmpty()) {
            throw new RowflowException("rowflow.schema.validate=true, but no entity classes were found: list them in "
                    + "rowflow.schema.entities or annotate them with @Table under the application's packages");
        }
        database.schema().validate(entities.toArray(Class<?>[]::new)).block(TIMEOUT);
    }

    /** The configured entity classes, else the scanned ones. */
    List<Class<?>> entities() {
        if (!configured.isEmpty() || !AutoConfigurationPackages.has(beanFactory)) {
            return configured;
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Table.class));
        List<Class<?>> found = new ArrayList<>();
        for (String basePackage : AutoConfigurationPackages.get(beanFactory)) {
            scanner.findCandidateComponents(basePackage).forEach(candidate -> found.add(
                    ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader())));
        }
        return found;
    }

    @Override
    public String toString() {
        return "StartupSchemaValidation" + configured;
    }
}
