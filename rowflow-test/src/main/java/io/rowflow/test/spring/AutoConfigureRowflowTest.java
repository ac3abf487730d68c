package io.rowflow.test.spring;

import io.rowflow.test.RollbackOnly;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds Rowflow's test support to a Spring Boot test's application context (for example a
 * {@code @SpringBootTest} of a whole WebFlux application): {@link RowflowTestAutoConfiguration}
 * (rollback-only transactions that requests join, a {@link io.rowflow.test.StatementRecorder} bean),
 * the recorder's per-test callbacks, and {@link RollbackOnly}. {@link RowflowTest} includes it.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ImportAutoConfiguration
@RollbackOnly
@ExtendWith(SpringStatementRecorderCallbacks.class)
public @interface AutoConfigureRowflowTest {
}
