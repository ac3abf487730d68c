package io.rowflow.spring.boot;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/** Flyway over JDBC and Rowflow over R2DBC on the real PostgreSQL server, in a schema of its own, migrated afresh. */
class PostgresFlywayStartupTest extends FlywayStartupContract {

    @Override
    protected String[] connectionProperties() {
        String schema = TestDatabases.schemaOf(PostgresFlywayStartupTest.class);
        String url = TestDatabases.postgresUrl();
        dropSchema(url, schema);
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        List<String> properties = new ArrayList<>(List.of(
                "spring.r2dbc.url=" + url,
                "spring.r2dbc.properties.schema=" + schema,
                "spring.flyway.url=jdbc:postgresql://" + options.getValue(ConnectionFactoryOptions.HOST) + ":"
                        + (port == null ? 5432 : port) + "/" + options.getValue(ConnectionFactoryOptions.DATABASE),
                "spring.flyway.user=" + options.getValue(ConnectionFactoryOptions.USER),
                // Flyway creates the schema, migrates it and keeps its history there.
                "spring.flyway.schemas=" + schema));
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        if (password != null) {
            properties.add("spring.flyway.password=" + password);
        }
        return properties.toArray(String[]::new);
    }

    /** Every test migrates from nothing. */
    private static void dropSchema(String url, String schema) {
        Mono.usingWhen(Mono.from(ConnectionFactories.get(url).create()),
                        connection -> Mono.from(connection.createStatement("drop schema if exists " + schema + " cascade")
                                .execute()).flatMap(result -> Mono.from(result.getRowsUpdated())),
                        Connection::close)
                .block(Duration.ofSeconds(10));
    }
}
