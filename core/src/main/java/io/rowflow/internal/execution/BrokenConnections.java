package io.rowflow.internal.execution;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Keeps a connection whose session was lost from being handed out again: before it is released,
 * the physical connection under a pool's wrapper is closed, so the pool's validation on the next
 * acquire finds it closed and replaces it, instead of lending out a dead connection whose socket
 * has not been noticed closed yet.
 */
public final class BrokenConnections {

    private BrokenConnections() {
    }

    /** Releases a connection after an error, closing the physical connection first if the error lost it. */
    public static Mono<Void> releaseAfter(Throwable error, Connection connection, Publisher<Void> release) {
        if (!ErrorTranslator.isConnectionLost(error) || !(connection instanceof Wrapped<?> wrapped)
                || !(wrapped.unwrap() instanceof Connection physical)) {
            return Mono.from(release);
        }
        return Mono.from(physical.close()).onErrorResume(ignored -> Mono.empty()).then(Mono.from(release));
    }
}
