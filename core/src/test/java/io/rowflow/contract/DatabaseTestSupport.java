package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.Database;
import io.rowflow.DatabaseBuilder;
import io.rowflow.test.CountingConnectionFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the behavioural suites run once per database: each subclass names the database, and
 * every test gets a fresh {@link Database} over a statement-counting connection factory with the
 * tables it declares dropped and recreated, or, for suites whose tests run in rollback-only test
 * transactions (rowflow-test's {@code @RollbackOnly}), created once per suite.
 */
public abstract class DatabaseTestSupport {

    /** The suites whose tables exist already, when they are created once per suite. */
    private static final Set<Class<?>> PREPARED = ConcurrentHashMap.newKeySet();

    protected CountingConnectionFactory counting;
    protected Database db;

    /** The real database under test. */
    protected abstract ConnectionFactory connectionFactory();

    /** The entity tables the suite needs, referenced tables first. */
    protected abstract Class<?>[] tables();

    /** Adds what the suite needs to the database's configuration, such as converters; nothing by default. */
    protected DatabaseBuilder configure(DatabaseBuilder builder) {
        return builder;
    }

    /**
     * Whether every test starts from freshly created tables (the default); {@code false} for a
     * suite whose tests leave no trace (rollback-only test transactions): its tables are dropped and
     * created once, before its first test, on a connection of their own, outside any test transaction.
     */
    protected boolean recreateTablesForEachTest() {
        return true;
    }

    @BeforeEach
    void createDatabase() {
        counting = new CountingConnectionFactory(connectionFactory());
        db = configure(Database.builder(counting)).build();
        if (recreateTablesForEachTest()) {
            db.schema().dropIfExists(tables()).then(db.schema().create(tables())).block(Duration.ofSeconds(30));
        } else if (PREPARED.add(getClass())) {
            Database schema = configure(Database.builder(counting)).connectionProvider(ConnectionProvider.DEFAULT).build();
            schema.schema().dropIfExists(tables()).then(schema.schema().create(tables())).block(Duration.ofSeconds(30));
        }
        counting.reset();
    }

    /** Waits (up to 10 s) for an asynchronous condition, such as cleanup after a cancel. */
    protected static void awaitTrue(String what, BooleanSupplier condition) {
        io.rowflow.test.Await.until(what, Duration.ofSeconds(10), condition);
    }
}
