package io.rowflow.internal.id;

import io.rowflow.mapping.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Flux;

/**
 * Version-7 UUIDs (RFC 9562 section 5.7): 48 bits of Unix milliseconds, the version nibble 7,
 * 12 bits {@code rand_a}, the variant and 62 random bits. {@code rand_a} is a counter (section
 * 6.2, method 1) that starts at a random value below 2048 in each new millisecond and counts up
 * within it, so values of one generator strictly increase; should it overflow, or the clock step
 * back, the timestamp field moves on by one millisecond rather than going back.
 */
public final class TimeOrderedUuids implements IdGenerator<UUID> {

    private final RandomBits random = new RandomBits();
    private final AtomicLong last = new AtomicLong();
    private final LongSupplier clock;

    /** Time-ordered UUIDs on the system clock. */
    public TimeOrderedUuids() {
        this(System::currentTimeMillis);
    }

    /** Time-ordered UUIDs on a clock of Unix milliseconds, for tests. */
    public TimeOrderedUuids(LongSupplier clock) {
        this.clock = clock;
    }

    /** One value. */
    public UUID next() {
        return next(1).get(0);
    }

    /** {@code count} increasing values, their random bits drawn in one call. */
    public List<UUID> next(int count) {
        long[] bits = random.longs(2 * count);
        List<UUID> uuids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long candidate = (clock.getAsLong() << 12) | (bits[2 * i] & 0x7FFL);
            // the 48-bit timestamp and the 12-bit counter as one number that only grows
            long stamp = last.updateAndGet(previous -> Math.max(candidate, previous + 1));
            long most = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
            uuids.add(new UUID(most, RandomBits.variantBits(bits[2 * i + 1])));
        }
        return uuids;
    }

    @Override
    public Flux<UUID> generate(int count) {
        return Flux.defer(() -> Flux.fromIterable(next(count)));
    }

    @Override
    public String toString() {
        return "IdGenerator.uuidV7()";
    }
}
