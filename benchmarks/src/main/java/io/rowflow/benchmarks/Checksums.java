package io.rowflow.benchmarks;

import java.util.List;

/** The checksums every contender computes the same way, from its own mapped objects. */
public final class Checksums {

    /** The fortune every W3 request adds before sorting. */
    public static final String ADDED_FORTUNE = "Additional fortune added at request time.";

    private Checksums() {
    }

    /** Folds one more value into an order-sensitive checksum. */
    public static long fold(long checksum, long value) {
        return checksum * 31 + value;
    }

    /** W1: a world row. */
    public static long world(int id, int randomNumber) {
        return (long) id << 32 | (randomNumber & 0xffffffffL);
    }

    /**
     * W10: folds joined author–book rows in order into W7's checksum: an author's id where it first
     * appears, then each book's id. One per request ({@code reduceWith(Joined::new, ...)}).
     */
    public static final class Joined {
        private long checksum;
        private long author = Long.MIN_VALUE;

        /** Folds one row. */
        public Joined add(int authorId, int bookId) {
            if (authorId != author) {
                author = authorId;
                checksum = fold(checksum, authorId);
            }
            checksum = fold(checksum, bookId);
            return this;
        }

        /** The checksum so far. */
        public long value() {
            return checksum;
        }
    }

    /** W3: the messages in order. */
    public static long messages(List<String> sortedMessages) {
        long checksum = sortedMessages.size();
        for (String message : sortedMessages) {
            checksum = fold(checksum, message.hashCode());
        }
        return checksum;
    }
}
