package io.rowflow.test;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import reactor.core.publisher.Mono;

/**
 * Picks the databases tests run against, in this order:
 * <ol>
 *   <li>an R2DBC URL from the environment ({@code ROWFLOW_TEST_POSTGRES_URL});</li>
 *   <li>a Testcontainers container, when a Docker engine is available;</li>
 *   <li>the local service at its standard port ({@code r2dbc:postgresql://postgres@127.0.0.1:5432/test}).</li>
 * </ol>
 * If none answers, tests fail with a message naming the three options: a database test is never
 * skipped silently. H2 is always embedded in memory.
 */
public final class TestDatabases {

    /** Environment variable with the PostgreSQL R2DBC URL to test against. */
    public static final String POSTGRES_URL_VARIABLE = "ROWFLOW_TEST_POSTGRES_URL";
    /** The local PostgreSQL service used when nothing else is configured. */
    public static final String LOCAL_POSTGRES_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();
    private static volatile String postgresUrl;
    private static PostgreSQLContainer container;

    private TestDatabases() {
    }

    /** The R2DBC URL of the PostgreSQL server to test against, resolved once per JVM. */
    public static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            postgresUrl = resolvePostgres();
        }
        return postgresUrl;
    }

    /** A plain (unpooled) connection factory for PostgreSQL, in the server's default schema. */
    public static ConnectionFactory postgres() {
        return ConnectionFactories.get(postgresUrl());
    }

    /**
     * A plain connection factory for PostgreSQL whose connections work in a schema of their own,
     * named after the test class, so suites can create tables of the same name without clashing.
     */
    public static ConnectionFactory postgres(Class<?> testClass) {
        String schema = schemaOf(testClass);
        Mono.usingWhen(Mono.from(postgres().create()),
                        connection -> Mono.from(connection.createStatement("CREATE SCHEMA IF NOT EXISTS " + schema).execute())
                                .flatMap(result -> Mono.from(result.getRowsUpdated())),
                        Connection::close)
                .block(Duration.ofSeconds(10));
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(postgresUrl()).mutate()
                .option(Option.valueOf("schema"), schema)
                .option(Option.valueOf("applicationName"), schema)
                .build();
        return ConnectionFactories.get(options);
    }

    /** A fresh, private in-memory H2 database that lives until the JVM exits. */
    public static ConnectionFactory h2() {
        return ConnectionFactories.get(h2Url());
    }

    /** The URL of a fresh in-memory H2 database. */
    public static String h2Url() {
        return "r2dbc:h2:mem:///rowflow_test_" + H2_DATABASES.incrementAndGet() + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    }

    /** A pool over a connection factory, with a finite acquire timeout (never wait forever). */
    public static ConnectionPool pooled(ConnectionFactory factory, int size) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(0)
                .maxSize(size)
                .maxAcquireTime(Duration.ofSeconds(30))
                .build());
    }

    /**
     * The PostgreSQL schema of a test class, also set as the connections' {@code application_name}
     * so that {@code pg_stat_activity} can be filtered to one suite's backends.
     */
    public static String schemaOf(Class<?> testClass) {
        return "rowflow_" + testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String resolvePostgres() {
        String fromEnvironment = System.getenv(POSTGRES_URL_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            requireAnswer(fromEnvironment, "the URL in " + POSTGRES_URL_VARIABLE);
            return fromEnvironment;
        }
        if (dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            return "r2dbc:postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
                    + container.getHost() + ":" + container.getMappedPort(5432) + "/" + container.getDatabaseName();
        }
        requireAnswer(LOCAL_POSTGRES_URL, "the local service");
        return LOCAL_POSTGRES_URL;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void requireAnswer(String url, String what) {
        try {
            ConnectionFactory factory = ConnectionFactories.get(url);
            Mono.from(factory.create())
                    .flatMap(connection -> Mono.from(connection.close()))
                    .block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL to test against: " + what + " (" + url + ") did not answer ("
                    + e.getMessage() + "). Set " + POSTGRES_URL_VARIABLE + " to an R2DBC URL, run a Docker engine "
                    + "for Testcontainers, or start the local server on 127.0.0.1:5432 (user postgres, database test).", e);
        }
    }
}
