package io.rowflow.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The test JVM's guards are really on: BlockHound fails a blocking call on a non-blocking thread,
 * and {@link LeakCheck} fails a test that leaves a connection acquired or a transaction open.
 */
class TestHarnessTest {

    @Test
    void aBlockingCallOnANonBlockingThreadFails() {
        Mono<String> blocking = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return "slept";
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(10)))
                .hasRootCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void theLeakCheckNamesATestThatLeftAPooledConnectionAcquired() {
        ConnectionPool pool = TestDatabases.pooled(TestDatabases.h2(), 2);
        Connection leaked = pool.create().block(Duration.ofSeconds(10));
        try {
            assertThatThrownBy(() -> new LeakCheck(Duration.ofMillis(200)).check("leaky()"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("leaky()").hasMessageContaining("1 acquired connection");
        } finally {
            Mono.from(leaked.close()).then(pool.disposeLater()).block(Duration.ofSeconds(10));
        }
        new LeakCheck(Duration.ofMillis(200)).check("tidy()");
    }

    @Test
    void theLeakCheckNamesATestThatLeftAPostgresTransactionOpen() {
        Connection open = Mono.from(TestDatabases.postgres(TestHarnessTest.class).create()).block(Duration.ofSeconds(10));
        Mono.from(open.beginTransaction())
                .thenMany(Mono.from(open.createStatement("select 1").execute()).flatMapMany(result -> result.map(row -> 1)))
                .blockLast(Duration.ofSeconds(10));
        try {
            assertThatThrownBy(() -> new LeakCheck(Duration.ofMillis(200)).check("inTransaction()"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("inTransaction()").hasMessageContaining("idle in transaction");
        } finally {
            Mono.from(open.rollbackTransaction()).then(Mono.from(open.close())).block(Duration.ofSeconds(10));
        }
        new LeakCheck(Duration.ofSeconds(5)).check("closed()");
    }
}
