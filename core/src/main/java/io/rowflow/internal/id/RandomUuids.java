package io.rowflow.internal.id;

import io.rowflow.mapping.IdGenerator;
import java.util.UUID;
import reactor.core.publisher.Flux;

/** Version-4 (random) UUIDs: 122 random bits, the version nibble 4 and the RFC 9562 variant. */
public final class RandomUuids implements IdGenerator<UUID> {

    private final RandomBits random = new RandomBits();

    /** One value. */
    public UUID next() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    @Override
    public Flux<UUID> generate(int count) {
        return Flux.range(0, count).map(ignored -> next());
    }

    @Override
    public String toString() {
        return "IdGenerator.uuidV4()";
    }
}
