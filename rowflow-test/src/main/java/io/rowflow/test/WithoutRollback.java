package io.rowflow.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs this test (or every test of this class) of a {@link RollbackOnly} class without a test
 * transaction: its work commits as it would in the application, and the test cleans up after itself.
 * For tests that need more than one connection at a time, commit visibility, or to go on after a
 * database error.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WithoutRollback {
}
