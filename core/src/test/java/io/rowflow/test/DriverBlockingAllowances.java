package io.rowflow.test;

import java.util.List;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls BlockHound lets through in Rowflow's test JVMs, all inside drivers and test
 * tooling: one-time reads of a jar's contents, the MariaDB driver's own short lock around its send
 * queue, Netty's buffer allocator's short lock, H2 (an embedded engine that runs each statement synchronously on the caller's thread), and
 * the lock by which Reactor's {@code toIterable()} wakes a test's reading thread. Rowflow's own
 * code has no allowance: a blocking call it makes on a non-blocking thread fails the test.
 */
public final class DriverBlockingAllowances implements BlockHoundIntegration {

    /** Methods of r2dbc-mariadb 1.4's {@code SimpleClient} that take its internal {@code ReentrantLock}. */
    private static final List<String> MARIADB_LOCKING = List.of("executeWhenNotInTransaction", "executeWhenTransaction",
            "lambda$receive$15", "lambda$sendCommand$17", "lambda$sendCommand$20", "setAutoCommit",
            "sendCommandWithoutResult");

    /** Methods of r2dbc-h2's {@code SessionClient} that run the embedded engine. */
    private static final List<String> H2_ENGINE = List.of("<init>", "query", "update", "createCommand", "prepareCommand",
            "disableAutoCommit", "enableAutoCommit", "inTransaction", "lambda$close$0");

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Also print where it happened: a driver may swallow the error it throws, leaving only a hang.
        builder.blockingMethodCallback(method -> {
            BlockingOperationError error = new BlockingOperationError(method);
            error.printStackTrace();
            throw error;
        });
        // The MariaDB driver looks up its authentication plugins with a ServiceLoader while connecting,
        // and reads its version from its jar the first time it sends a handshake.
        builder.allowBlockingCallsInside("java.util.ServiceLoader$LazyClassPathLookupIterator", "parse");
        builder.allowBlockingCallsInside("org.mariadb.r2dbc.util.VersionFactory$VersionFactoryHolder", "<clinit>");
        MARIADB_LOCKING.forEach(method -> builder.allowBlockingCallsInside("org.mariadb.r2dbc.client.SimpleClient", method));
        H2_ENGINE.forEach(method -> builder.allowBlockingCallsInside("io.r2dbc.h2.client.SessionClient", method));
        builder.allowBlockingCallsInside("io.r2dbc.h2.H2Connection", "lambda$validate$0");
        // Reactor's toIterable() (tests read results on their own thread with it) wakes its reader by
        // taking a lock: when the reader holds it at that moment, the driver's thread waits briefly.
        builder.allowBlockingCallsInside("reactor.core.publisher.BlockingIterable$SubscriberIterator", "signalConsumer");
        // Netty 4.2's adaptive buffer allocator guards a magazine with a StampedLock that it takes for
        // a few instructions when returning a chunk; under load a driver thread finds it held and
        // parks briefly. Flagging that made the driver close its connection (SQLSTATE 08006) now and then.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        // UUID.randomUUID() seeds from /dev/urandom, a read that never waits (tests and client-side ids).
        builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
        // H2 reads its message bundle from its jar when its exception class is first initialised,
        // and waits for its seed generator thread the first time it needs a secure random number.
        builder.allowBlockingCallsInside("org.h2.util.Utils", "loadResource");
        builder.allowBlockingCallsInside("org.h2.util.MathUtils", "getSecureRandom");
    }
}
