package io.rowflow.test;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import reactor.core.publisher.Mono;

/**
 * Picks the databases tests run against. PostgreSQL and MariaDB are each resolved once per JVM,
 * in this order:
 * <ol>
 *   <li>an R2DBC URL from the environment ({@code ROWFLOW_TEST_POSTGRES_URL},
 *   {@code ROWFLOW_TEST_MARIADB_URL});</li>
 *   <li>a Testcontainers container, when a Docker engine is available;</li>
 *   <li>the local service at its standard port ({@code r2dbc:postgresql://postgres@127.0.0.1:5432/test},
 *   {@code r2dbc:mariadb://root@127.0.0.1:3306/test}).</li>
 * </ol>
 * If none answers, tests fail with a message naming the three options: a database test is never
 * skipped silently. H2 is always embedded in memory. Each suite works in a PostgreSQL schema or
 * a MariaDB database of its own, named after the test class and the checkout, so suites never
 * share tables, even when several checkouts test against one server at once.
 *
 * <p>Public in {@code rowflow-test} for applications' tests; Rowflow's own suites use it too (core
 * compiles this source into its tests, as it cannot depend on {@code rowflow-test}).
 *
 * @since 0.1
 */
public final class TestDatabases {

    /** Environment variable with the PostgreSQL R2DBC URL to test against. */
    public static final String POSTGRES_URL_VARIABLE = "ROWFLOW_TEST_POSTGRES_URL";
    /** The local PostgreSQL service used when nothing else is configured. */
    public static final String LOCAL_POSTGRES_URL = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
    /** Environment variable with the MariaDB R2DBC URL to test against. */
    public static final String MARIADB_URL_VARIABLE = "ROWFLOW_TEST_MARIADB_URL";
    /** The local MariaDB service used when nothing else is configured. */
    public static final String LOCAL_MARIADB_URL = "r2dbc:mariadb://root@127.0.0.1:3306/test";

    /** Environment variable with the R2DBC URL of a streaming standby of the PostgreSQL server. */
    public static final String POSTGRES_REPLICA_URL_VARIABLE = "ROWFLOW_TEST_POSTGRES_REPLICA_URL";
    /** The local standby that {@code scripts/postgres-replica.sh} creates, used when nothing else is configured. */
    public static final String LOCAL_POSTGRES_REPLICA_URL = "r2dbc:postgresql://postgres@127.0.0.1:5433/test";

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();
    /** Eight hex digits naming the checkout (its directory), the same for every run of it. */
    private static final String CHECKOUT = String.format("%08x",
            Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize().getParent().toString().hashCode());
    private static volatile String postgresUrl;
    private static volatile String mariadbUrl;
    private static volatile String postgresReplicaUrl;

    private TestDatabases() {
    }

    /** The R2DBC URL of the PostgreSQL server to test against, resolved once per JVM. */
    public static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            postgresUrl = resolve("PostgreSQL", POSTGRES_URL_VARIABLE, LOCAL_POSTGRES_URL,
                    "127.0.0.1:5432 (user postgres, database test)", TestDatabases::startPostgresContainer);
        }
        return postgresUrl;
    }

    /**
     * The R2DBC URL of a streaming standby of {@link #postgresUrl()}, resolved once per JVM: from
     * {@code ROWFLOW_TEST_POSTGRES_REPLICA_URL}, else the local standby on port 5433 that
     * {@code scripts/postgres-replica.sh ensure} creates (and {@code .ci/run} runs), which serves only
     * when the primary is the local server. Fails naming both when neither answers.
     */
    public static synchronized String postgresReplicaUrl() {
        if (postgresReplicaUrl == null) {
            postgresUrl();
            String fromEnvironment = System.getenv(POSTGRES_REPLICA_URL_VARIABLE);
            boolean configured = fromEnvironment != null && !fromEnvironment.isBlank();
            if (!configured && !LOCAL_POSTGRES_URL.equals(postgresUrl)) {
                throw new IllegalStateException("No PostgreSQL standby of " + postgresUrl + " to test against: the local "
                        + "standby on port 5433 replicates 127.0.0.1:5432, not that server. Set "
                        + POSTGRES_REPLICA_URL_VARIABLE + " to the R2DBC URL of a streaming standby of it.");
            }
            String url = configured ? fromEnvironment : LOCAL_POSTGRES_REPLICA_URL;
            try {
                open(url);
            } catch (RuntimeException e) {
                throw new IllegalStateException("No PostgreSQL standby to test against: " + url + " did not answer ("
                        + e.getMessage() + "). Run scripts/postgres-replica.sh ensure (it makes a streaming standby of "
                        + "127.0.0.1:5432 on port 5433) or set " + POSTGRES_REPLICA_URL_VARIABLE + ".", e);
            }
            postgresReplicaUrl = url;
        }
        return postgresReplicaUrl;
    }

    /**
     * A plain connection factory for the PostgreSQL standby whose connections work in the schema
     * of {@code testClass} ({@link #schemaOf}), which {@link #postgres(Class)} creates on the primary
     * and replication brings to the standby.
     */
    public static ConnectionFactory postgresReplica(Class<?> testClass) {
        return ConnectionFactories.get(ConnectionFactoryOptions.parse(postgresReplicaUrl()).mutate()
                .option(Option.valueOf("schema"), schemaOf(testClass))
                .option(Option.valueOf("applicationName"), schemaOf(testClass))
                .build());
    }

    /** The PostgreSQL URL if a test of this JVM has resolved it, else {@code null}. */
    public static String postgresUrlIfResolved() {
        return postgresUrl;
    }

    /** The tag of this checkout (eight hex digits) that ends every suite's schema name. */
    public static String checkout() {
        return CHECKOUT;
    }

    /** The R2DBC URL of the MariaDB server to test against, resolved once per JVM. */
    public static synchronized String mariadbUrl() {
        if (mariadbUrl == null) {
            mariadbUrl = resolve("MariaDB", MARIADB_URL_VARIABLE, LOCAL_MARIADB_URL,
                    "127.0.0.1:3306 (user root without password, database test)", TestDatabases::startMariaDbContainer);
        }
        return mariadbUrl;
    }

    /** A plain (unpooled) connection factory for PostgreSQL, in the server's default schema. */
    public static ConnectionFactory postgres() {
        return ConnectionFactories.get(postgresUrl());
    }

    /**
     * A plain connection factory for PostgreSQL whose connections work in a schema of their own,
     * {@link #schemaOf}, so suites can create tables of the same name without clashing.
     */
    public static ConnectionFactory postgres(Class<?> testClass) {
        return isolated(postgresUrl(), "CREATE SCHEMA IF NOT EXISTS ", testClass, Option.valueOf("schema"),
                Option.valueOf("applicationName"));
    }

    /** A plain (unpooled) connection factory for MariaDB, in the URL's database. */
    public static ConnectionFactory mariadb() {
        return ConnectionFactories.get(mariadbUrl());
    }

    /**
     * A plain connection factory for MariaDB whose connections work in a database of their own,
     * {@link #schemaOf} ({@code rowflow_maria_db_crud_test_1a2b3c4d}), created if missing.
     */
    public static ConnectionFactory mariadb(Class<?> testClass) {
        return isolated(mariadbUrl(), "CREATE DATABASE IF NOT EXISTS ", testClass, ConnectionFactoryOptions.DATABASE);
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
        return OpenPools.register(new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(0)
                .maxSize(size)
                .maxAcquireTime(Duration.ofSeconds(30))
                .build()));
    }

    /**
     * The PostgreSQL schema or MariaDB database of a test class: {@code rowflow_}, the class's
     * simple name in snake case and a tag of the checkout, so that builds of different checkouts
     * sharing a server do not clash. PostgreSQL connections also carry it as their
     * {@code application_name}, so that {@code pg_stat_activity} can be filtered to one suite's backends.
     */
    public static String schemaOf(Class<?> testClass) {
        return "rowflow_" + testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                + "_" + CHECKOUT;
    }

    /**
     * A factory for the server at {@code url} whose connections work in the suite's own namespace
     * ({@link #schemaOf}), created with {@code create} if missing and set as each of {@code options}.
     */
    private static ConnectionFactory isolated(String url, String create, Class<?> testClass, Option<?>... options) {
        String namespace = schemaOf(testClass);
        Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
                        connection -> Mono.from(connection.createStatement(create + namespace).execute())
                                .flatMap(result -> Mono.from(result.getRowsUpdated())),
                        Connection::close)
                .block(Duration.ofSeconds(10));
        ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.parse(url).mutate();
        for (Option<?> option : options) {
            @SuppressWarnings("unchecked")
            Option<Object> selected = (Option<Object>) option;
            builder.option(selected, namespace);
        }
        return ConnectionFactories.get(builder.build());
    }

    private static String resolve(String server, String variable, String localUrl, String localService,
                                  Supplier<String> container) {
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            requireAnswer(server, variable, localService, fromEnvironment, "the URL in " + variable);
            return fromEnvironment;
        }
        if (dockerAvailable()) {
            String url = container.get();
            requireAnswer(server, variable, localService, url, "the Testcontainers container");
            return url;
        }
        requireAnswer(server, variable, localService, localUrl, "the local service");
        return localUrl;
    }

    private static String startPostgresContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        return "r2dbc:postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
                + container.getHost() + ":" + container.getMappedPort(5432) + "/" + container.getDatabaseName();
    }

    private static String startMariaDbContainer() {
        MariaDBContainer container = new ReadyWhenItAnswersR2dbc("mariadb:10.11").withUsername("root");
        container.start();
        String url = "r2dbc:mariadb://root:" + container.getPassword() + "@" + container.getHost() + ":"
                + container.getMappedPort(3306) + "/" + container.getDatabaseName();
        awaitAnswer(url);
        return url;
    }

    /** Polls until the server takes connections (the image restarts its server once after initialising). */
    private static void awaitAnswer(String url) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            try {
                open(url);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Mono.delay(Duration.ofMillis(500)).block();
            }
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void open(String url) {
        ConnectionFactory factory = ConnectionFactories.get(url);
        Mono.from(factory.create())
                .flatMap(connection -> Mono.from(connection.close()))
                .block(Duration.ofSeconds(10));
    }

    private static void requireAnswer(String server, String variable, String localService, String url, String what) {
        try {
            open(url);
        } catch (RuntimeException e) {
            throw new IllegalStateException("No " + server + " to test against: " + what + " (" + url + ") did not answer ("
                    + e.getMessage() + "). Set " + variable + " to an R2DBC URL, run a Docker engine "
                    + "for Testcontainers, or start the local server on " + localService + ".", e);
        }
    }

    /**
     * The MariaDB container without its JDBC readiness check (there is no JDBC driver on the test
     * class path); {@link #awaitAnswer(String)} waits over R2DBC instead.
     */
    private static final class ReadyWhenItAnswersR2dbc extends MariaDBContainer {
        ReadyWhenItAnswersR2dbc(String image) {
            super(image);
        }

        @Override
        protected void waitUntilContainerStarted() {
            // readiness is checked over R2DBC once the ports are mapped
        }
    }
}
