package io.rowflow.examples.web;

import org.springframework.test.context.TestPropertySource;

/** The bookstore API on embedded H2, in a database of its own that Flyway migrates over JDBC. */
@TestPropertySource(properties = {
        "spring.r2dbc.url=r2dbc:h2:mem:///bookstore_api_test?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
        "spring.flyway.url=jdbc:h2:mem:bookstore_api_test;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE"})
class H2BookstoreApiTest extends BookstoreApiContract {
}
