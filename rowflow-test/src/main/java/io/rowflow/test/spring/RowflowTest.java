package io.rowflow.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A Spring Boot test slice for Rowflow: starts only the R2DBC auto-configuration (connection
 * factory, pool, transaction manager, {@code TransactionalOperator}) and Rowflow's, none of the
 * application's own components (add them with {@code @Import}), and runs each test in a transaction
 * that is rolled back ({@link AutoConfigureRowflowTest}). The {@code Database}, the
 * {@code ConnectionFactory} and a {@link io.rowflow.test.StatementRecorder} can be injected.
 *
 * <pre>{@code
 * @RowflowTest(properties = "spring.r2dbc.url=r2dbc:h2:mem:///books")
 * class BookRepositoryTest {
 *     @Autowired Database db;
 *     ...
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@BootstrapWith(RowflowTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(RowflowTypeExcludeFilter.class)
@ImportAutoConfiguration
@AutoConfigureRowflowTest
public @interface RowflowTest {

    /** Properties ({@code key=value}) added to the environment of the test's application context. */
    String[] properties() default {};
}
