package io.rowflow.contract;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.DatabaseBuilder;
import io.rowflow.test.CountingConnectionFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the behavioural suites run once per database: each subclass names the database, and
 * every test gets a fresh {@link Database} over a statement-counting connection factory with the
 * tables it declares dropped and recreated.
 */
public abstract class DatabaseTestSupport {

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

    @BeforeEach
    void createDatabase() {
        counting = new CountingConnectionFactory(connectionFactory());
        db = configure(Database.builder(counting)).build();
        db.schema().dropIfExists(tables()).then(db.schema().create(tables())).block(Duration.ofSeconds(30));
        counting.reset();
    }

    /** Waits (up to 10 s) for an asynchronous condition, such as cleanup after a cancel. */
    protected static void awaitTrue(String what, BooleanSupplier condition) {
        io.rowflow.test.Await.until(what, Duration.ofSeconds(10), condition);
    }
}
