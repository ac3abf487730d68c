package io.rowflow.internal.runtime;

import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.ConnectionFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Disposes the connection factory a {@code Database} created itself from a URL (a pool, say), once;
 * a factory the application handed over is never touched, since its owner may still use it.
 */
final class FactoryDisposal {

    private final @Nullable ConnectionFactory owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Disposal of {@code factory} when {@code owned}, otherwise nothing. */
    FactoryDisposal(ConnectionFactory factory, boolean owned) {
        this.owned = owned ? factory : null;
    }

    /** Completes when the owned factory is closed; the first subscription closes it, later ones complete at once. */
    Mono<Void> close() {
        return Mono.defer(() -> {
            if (owned == null || !closed.compareAndSet(false, true)) {
                return Mono.empty();
            }
            if (owned instanceof Closeable closeable) {
                return Mono.from(closeable.close()).then();
            }
            if (owned instanceof Disposable disposable) {
                return Mono.fromRunnable(disposable::dispose);
            }
            return Mono.empty();
        });
    }
}
