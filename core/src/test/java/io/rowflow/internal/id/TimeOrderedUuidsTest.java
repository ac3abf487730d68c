package io.rowflow.internal.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The layout of version-7 and version-4 UUIDs (RFC 9562), and the order of v7 values. */
class TimeOrderedUuidsTest {

    private static final long NOW = 1_764_950_400_123L; // 2025-12-05T16:00:00.123Z

    @Test
    void carriesTheMillisecondsVersionSevenAndTheVariant() {
        UUID id = new TimeOrderedUuids(() -> NOW).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", NOW >>> 16, NOW & 0xFFFF));
    }

    @Test
    void strictlyIncreasesWithinOneMillisecond() {
        TimeOrderedUuids uuids = new TimeOrderedUuids(() -> NOW);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            texts.add(uuids.next().toString());
        }

        assertThat(texts).isSorted().doesNotHaveDuplicates();
        assertThat(UUID.fromString(texts.get(1_000)).getMostSignificantBits() >>> 16)
                .as("a random start below 2048 leaves 2048 values in the millisecond").isEqualTo(NOW);
    }

    @Test
    void neverGoesBackWhenTheClockDoes() {
        AtomicLong clock = new AtomicLong(NOW);
        TimeOrderedUuids uuids = new TimeOrderedUuids(clock::get);
        UUID before = uuids.next();
        clock.set(NOW - 60_000);

        UUID after = uuids.next();

        assertThat(after.toString()).isGreaterThan(before.toString());
        assertThat(after.version()).isEqualTo(7);
    }

    @Test
    void laterMillisecondsSortLater() {
        AtomicLong clock = new AtomicLong(NOW);
        TimeOrderedUuids uuids = new TimeOrderedUuids(clock::get);
        UUID first = uuids.next();
        clock.set(NOW + 1);

        UUID second = uuids.next();

        assertThat(second.getMostSignificantBits() >>> 16).isEqualTo(NOW + 1);
        assertThat(second.toString()).isGreaterThan(first.toString());
    }

    @Test
    void randomUuidsAreVersionFourWithTheVariant() {
        RandomUuids uuids = new RandomUuids();
        List<UUID> ids = uuids.generate(1_000).collectList().block();

        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        }).doesNotHaveDuplicates();
    }
}
