package io.rowflow.examples.web;

import io.rowflow.test.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bookstore API on the real MariaDB server, in a database of its own, migrated afresh by Flyway. */
class MariaDbBookstoreApiTest extends BookstoreApiContract {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) {
        String database = TestDatabases.schemaOf(MariaDbBookstoreApiTest.class);
        MigratedDatabases.dropMariaDbDatabase(database);
        registry.add("spring.r2dbc.url", TestDatabases::mariadbUrl);
        registry.add("spring.r2dbc.properties.database", () -> database);
        MigratedDatabases.flywayProperties(TestDatabases.mariadbUrl(), database).forEach((name, value) -> registry.add(name, () -> value));
    }
}
