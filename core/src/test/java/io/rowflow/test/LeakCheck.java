package io.rowflow.test;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fails a test that leaves a connection behind: after each test (and after its own
 * {@code @AfterEach} methods), every pool the test support made and nobody disposed must be idle,
 * and no PostgreSQL backend of this checkout may still be inside a transaction. Cleanup after a
 * cancel runs asynchronously, so both are polled for a while before the test fails, by name.
 *
 * <p>Registered for every test JVM by JUnit's extension auto-detection (see the parent POM's
 * surefire configuration and {@code META-INF/services}).
 */
public final class LeakCheck implements AfterEachCallback {

    private final Duration patience;

    /** The check JUnit registers: ten seconds for asynchronous cleanup. */
    public LeakCheck() {
        this(Duration.ofSeconds(10));
    }

    LeakCheck(Duration patience) {
        this.patience = patience;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context.getRequiredTestClass().getName() + "." + context.getDisplayName());
    }

    /** Fails, naming the test, when something is still leaked once the patience ran out. */
    void check(String test) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> leaks = leaks();
        while (!leaks.isEmpty() && System.nanoTime() < deadline) {
            Await.pause(Duration.ofMillis(20));
            leaks = leaks();
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(test + " left connections behind (still after " + patience.toMillis() + " ms): "
                    + String.join("; ", leaks));
        }
    }

    private static List<String> leaks() {
        List<String> leaks = new ArrayList<>(OpenPools.busy());
        String postgres = TestDatabases.postgresUrlIfResolved();
        if (postgres != null) {
            leaks.addAll(backendsInTransaction(postgres));
        }
        return leaks;
    }

    /** PostgreSQL backends of this checkout's suites that are inside a transaction while no test runs. */
    private static List<String> backendsInTransaction(String url) {
        String sql = "select application_name, state, left(query, 120) from pg_stat_activity"
                + " where application_name like 'rowflow\\_%\\_" + TestDatabases.checkout() + "'"
                + " and state in ('idle in transaction', 'idle in transaction (aborted)') and pid <> pg_backend_pid()";
        return Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
                        connection -> Flux.from(connection.createStatement(sql).execute())
                                .flatMap(result -> result.map(row -> "PostgreSQL backend " + row.get(0, String.class)
                                        + " is " + row.get(1, String.class) + " after: " + row.get(2, String.class)))
                                .collectList(),
                        Connection::close)
                .block(Duration.ofSeconds(10));
    }
}
