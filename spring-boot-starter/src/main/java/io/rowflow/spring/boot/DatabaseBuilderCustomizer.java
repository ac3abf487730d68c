package io.rowflow.spring.boot;

import io.rowflow.DatabaseBuilder;

/**
 * A bean that adjusts the auto-configured {@code Database} before it is built, after the
 * properties, the {@code Dialect} bean and the {@code Converter} beans were applied; for example
 * to register a dialect for detection or to set a naming strategy. Customizers run in
 * {@link org.springframework.core.Ordered} order.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DatabaseBuilderCustomizer {

    /** Changes the builder in place. */
    void customize(DatabaseBuilder builder);
}
