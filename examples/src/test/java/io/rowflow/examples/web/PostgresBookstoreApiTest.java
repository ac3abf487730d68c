package io.rowflow.examples.web;

import io.rowflow.test.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bookstore API on the real PostgreSQL server, in a schema of its own. */
class PostgresBookstoreApiTest extends BookstoreApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(PostgresBookstoreApiTest.class);
        registry.add("spring.r2dbc.url", TestDatabases::postgresUrl);
        registry.add("spring.r2dbc.properties.schema", () -> TestDatabases.schemaOf(PostgresBookstoreApiTest.class));
    }
}
