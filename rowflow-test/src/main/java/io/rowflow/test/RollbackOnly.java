package io.rowflow.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class inside a database transaction that is always rolled back, so tests
 * leave the tables as they found them and need no clean-up. Every Rowflow operation of a database
 * built with {@link TestTransactions#connectionProvider()} (or configured by the Spring Boot slice)
 * joins the test's transaction, whichever thread runs it. A single test opts out with
 * {@link WithoutRollback}.
 *
 * @see TestTransactions
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(TestTransactions.class)
public @interface RollbackOnly {
}
