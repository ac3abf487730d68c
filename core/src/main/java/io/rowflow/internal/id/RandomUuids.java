package io.rowflow.internal.id;

import io.rowflow.mapping.IdGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;

/** Version-4 (random) UUIDs: 122 random bits, the version nibble 4 and the RFC 9562 variant. */
public final class RandomUuids implements IdGenerator<UUID> {

    private final RandomBits random = new RandomBits();

    /** {@code count} values, their random bits drawn in one call. */
    public List<UUID> next(int count) {
        long[] bits = random.longs(2 * count);
        List<UUID> uuids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long most = (bits[2 * i] & ~0xF000L) | 0x4000L;
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
        return "IdGenerator.uuidV4()";
    }
}
