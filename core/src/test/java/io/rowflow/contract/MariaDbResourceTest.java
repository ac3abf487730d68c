package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The resource suite on the real MariaDB server, cross-checked with {@code information_schema}:
 * after each test no session on this suite's database holds an open InnoDB transaction.
 */
class MariaDbResourceTest extends ResourceContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @AfterEach
    void noSessionLeftInATransaction() {
        Database observer = Database.create(connectionFactory());
        Long sessions = observer.sql("select count(*) from information_schema.processlist "
                        + "where db = database() and id <> connection_id()")
                .mapTo(Long.class).fetchOne().block(Duration.ofSeconds(10));
        Long openTransactions = observer.sql("select count(*) from information_schema.innodb_trx t "
                        + "join information_schema.processlist p on p.id = t.trx_mysql_thread_id "
                        + "where p.db = database() and p.id <> connection_id()")
                .mapTo(Long.class).fetchOne().block(Duration.ofSeconds(10));
        assertThat(sessions).as("the pool's connections are still open, so the check sees them").isPositive();
        assertThat(openTransactions).isZero();
    }
}
