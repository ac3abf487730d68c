package io.rowflow.test;

import io.rowflow.ConnectionProvider;
import io.rowflow.test.internal.RollbackConnectionProvider;
import io.rowflow.test.internal.RunningTest;
import io.rowflow.test.internal.TransactionOpener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import reactor.util.context.Context;

/**
 * Rollback-only test transactions: a JUnit 5 extension (registered by {@link RollbackOnly}) and
 * the connection provider that makes a database take part.
 *
 * <p>While a test of a {@link RollbackOnly} class runs, the first Rowflow operation on a connection
 * factory begins a transaction on a connection of its own; every later operation on that factory
 * joins it (as Rowflow joins any external transaction: statements queue on the one connection,
 * {@code inTransaction} becomes a savepoint). After the test, including its {@code @AfterEach}
 * methods, the transaction is rolled back and the connection given back. The test fails if the
 * rollback fails.
 *
 * <pre>{@code
 * Database db = Database.builder(TestDatabases.postgres(getClass()))
 *         .connectionProvider(TestTransactions.connectionProvider())
 *         .build();
 * }</pre>
 *
 * <p>What to know:
 * <ul>
 *   <li>Tests run one at a time (JUnit's default): the running test is one value per JVM, so that
 *   work on any thread (a driver's, a web server's) finds it.</li>
 *   <li>All work of a test shares one connection per database: it cannot observe what another
 *   connection would see, and a statement that fails dooms the test's transaction (PostgreSQL
 *   refuses everything after an error anyway). Such tests opt out with {@link WithoutRollback}.</li>
 *   <li>DDL: PostgreSQL and H2 roll schema changes back too, MariaDB commits them at once (and the
 *   test's transaction with them). Create tables outside the test's transaction, with
 *   {@link #outside()}, or before the tests.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class TestTransactions implements BeforeEachCallback, AfterEachCallback {

    private static final Duration ROLLBACK_TIMEOUT = Duration.ofSeconds(30);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestTransactions.class);

    /** Created by JUnit for {@link RollbackOnly}. */
    public TestTransactions() {
    }

    /**
     * A connection provider for a database under test: it creates and closes connections as
     * {@link ConnectionProvider#DEFAULT} does, and joins the running test's transaction.
     */
    public static ConnectionProvider connectionProvider() {
        return connectionProvider(ConnectionProvider.DEFAULT);
    }

    /**
     * Wraps the provider a database uses, so that its operations join the running test's
     * transaction whenever the provider reports no transaction of its own.
     */
    public static ConnectionProvider connectionProvider(ConnectionProvider provider) {
        return new RollbackConnectionProvider(Objects.requireNonNull(provider, "provider"), TransactionOpener.PLAIN);
    }

    /**
     * A change of the Reactor context ({@code publisher.contextWrite(TestTransactions.outside())})
     * that runs the work outside the test's transaction: it commits, as in the application.
     */
    public static Function<Context, Context> outside() {
        return context -> context.put(RollbackConnectionProvider.OUTSIDE, Boolean.TRUE);
    }

    /** Whether a test runs now whose work is rolled back after it. */
    public static boolean isActive() {
        RunningTest test = RunningTest.current();
        return test != null && test.rollsBack();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean rollback = !AnnotationSupport.isAnnotated(context.getTestMethod(), WithoutRollback.class)
                && !AnnotationSupport.isAnnotated(context.getTestClass(), WithoutRollback.class);
        context.getStore(NAMESPACE).put(RunningTest.class, RunningTest.start(context.getDisplayName(), rollback));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RunningTest test = context.getStore(NAMESPACE).remove(RunningTest.class, RunningTest.class);
        if (test == null) {
            return;
        }
        test.end();
        List<Throwable> failures = test.rollBackAll(ROLLBACK_TIMEOUT);
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("The test transaction of " + context.getRequiredTestClass().getName()
                    + "." + context.getDisplayName() + " could not be rolled back: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }
}
