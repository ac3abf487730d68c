package io.rowflow.spring.boot;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flyway over JDBC and Rowflow over R2DBC on one named in-memory H2 database, which outlives its
 * connections ({@code DB_CLOSE_DELAY=-1}) so that the R2DBC side finds what Flyway migrated.
 */
class H2FlywayStartupTest extends FlywayStartupContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected String[] connectionProperties() {
        String name = "flyway_startup_" + DATABASES.incrementAndGet();
        return new String[] {
                "spring.r2dbc.url=r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
                "spring.flyway.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE"};
    }
}
