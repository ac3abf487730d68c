package io.rowflow.spring.boot;

import java.util.concurrent.atomic.AtomicInteger;

/** Rowflow in Spring transactions on embedded H2. */
class H2SpringTransactionTest extends SpringTransactionContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected String[] connectionProperties() {
        return new String[]{"spring.r2dbc.url=r2dbc:h2:mem:///spring_tx_" + DATABASES.incrementAndGet()
                + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE"};
    }
}
