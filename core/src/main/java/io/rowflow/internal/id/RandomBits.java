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
        drbg.nextLong(); // seeds now, not on the first insert
        this.random = drbg;
    }

    long nextLong() {
        return random.nextLong();
    }
}
