/**
 * Spring Boot auto-configuration of Rowflow: a {@code Database} bean over the application's R2DBC
 * connection factory that joins Spring's reactive transactions, configured by {@code rowflow.*}
 * properties, {@code Dialect} and {@code Converter} beans and {@link io.rowflow.spring.boot.DatabaseBuilderCustomizer}s.
 */
@NullMarked
package io.rowflow.spring.boot;

import org.jspecify.annotations.NullMarked;
