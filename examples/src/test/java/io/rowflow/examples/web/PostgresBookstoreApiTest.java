package io.rowflow.examples.web;

import io.rowflow.test.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bookstore API on the real PostgreSQL server, in a schema of its own, migrated afresh by Flyway. */
class PostgresBookstoreApiTest extends BookstoreApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String schema = TestDatabases.schemaOf(PostgresBookstoreApiTest.class);
        MigratedDatabases.dropPostgresSchema(schema);
        registry.add("spring.r2dbc.url", TestDatabases::postgresUrl);
        registry.add("spring.r2dbc.properties.schema", () -> schema);
        MigratedDatabases.flywayProperties(TestDatabases.postgresUrl(), schema).forEach((name, value) -> registry.add(name, () -> value));
    }
}
