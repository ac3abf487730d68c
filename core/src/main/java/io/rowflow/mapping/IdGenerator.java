package io.rowflow.mapping;

import io.rowflow.internal.id.TimeOrderedUuids;
import io.rowflow.internal.id.RandomUuids;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * Produces key values for entities inserted without one: the SPI behind
 * {@link io.rowflow.annotation.GenerationType#GENERATOR}. Register an instance with
 * {@code DatabaseBuilder.idGenerator(name, generator)} and name it in
 * {@code @GeneratedValue(strategy = GENERATOR, generator = name)} or
 * {@link IdGeneration#generator(String)}.
 *
 * <p>Rowflow asks for values in blocks: once per {@code insert}, once per chunk of an
 * {@code insertAll}. The generator is subscribed inside the operation's Reactor {@code Context},
 * so Rowflow calls it makes (a {@code db.sql(...)} on a table of counters, say) join the
 * operation's transaction. It must not block.
 *
 * @param <T> the key's Java type
 * @since 0.2
 */
@FunctionalInterface
public interface IdGenerator<T> {

    /**
     * Emits {@code count} new, distinct key values, then completes. An error fails the insert
     * before anything is written.
     *
     * @param count how many values are needed, at least 1
     */
    Flux<T> generate(int count);

    /**
     * Random version-4 UUIDs from a DRBG {@link java.security.SecureRandom} seeded once when the
     * generator is made, so generating never reads {@code /dev/random} (never blocks an event loop).
     */
    static IdGenerator<UUID> uuidV4() {
        return new RandomUuids();
    }

    /**
     * Time-ordered version-7 UUIDs (RFC 9562): a 48-bit Unix millisecond timestamp, then random
     * bits; within one generator every value is greater than the one before, even within one
     * millisecond (the 12 bits after the version count up, as RFC 9562 section 6.2, method 3 allows).
     */
    static IdGenerator<UUID> uuidV7() {
        return new TimeOrderedUuids();
    }
}
