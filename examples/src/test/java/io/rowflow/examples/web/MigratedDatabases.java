package io.rowflow.examples.web;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Points Flyway (JDBC) at the server and namespace a test's R2DBC connections use, and empties that
 * namespace first, so every test class starts from the migrations alone.
 */
final class MigratedDatabases {

    private MigratedDatabases() {
    }

    /**
     * {@code spring.flyway.*} for the server of an R2DBC URL ({@code r2dbc:postgresql://…} or
     * {@code r2dbc:mariadb://…}): the same host, port and credentials over JDBC, migrating
     * {@code namespace} (a PostgreSQL schema, which Flyway creates, or a MariaDB database).
     */
    static Map<String, Object> flywayProperties(String r2dbcUrl, String namespace) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl);
        String driver = (String) options.getRequiredValue(ConnectionFactoryOptions.DRIVER);
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        String server = options.getRequiredValue(ConnectionFactoryOptions.HOST) + (port == null ? "" : ":" + port);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (driver.equals("postgresql")) {
            properties.put("spring.flyway.url", "jdbc:postgresql://" + server + "/"
                    + options.getRequiredValue(ConnectionFactoryOptions.DATABASE));
            properties.put("spring.flyway.schemas", namespace);
        } else {
            properties.put("spring.flyway.url", "jdbc:mariadb://" + server + "/" + namespace);
        }
        properties.put("spring.flyway.user", options.getRequiredValue(ConnectionFactoryOptions.USER));
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        if (password != null) {
            properties.put("spring.flyway.password", password.toString());
        }
        return properties;
    }

    /** Drops the PostgreSQL schema; Flyway creates it again. */
    static void dropPostgresSchema(String schema) {
        run(TestDatabases.postgresUrl(), "drop schema if exists " + schema + " cascade");
    }

    /** Drops and recreates the MariaDB database, empty. */
    static void dropMariaDbDatabase(String database) {
        run(TestDatabases.mariadbUrl(), "drop database if exists " + database);
        run(TestDatabases.mariadbUrl(), "create database " + database);
    }

    private static void run(String url, String sql) {
        Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
                        connection -> Mono.from(connection.createStatement(sql).execute())
                                .flatMap(result -> Mono.from(result.getRowsUpdated())),
                        Connection::close)
                .block(Duration.ofSeconds(20));
    }
}
