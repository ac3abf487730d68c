package io.rowflow.reliability;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.rowflow.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * Run in a separate JVM with a small heap by {@link TransactionStreamingContract}: streams every
 * row of {@code large_numbered} inside one transaction to a subscriber slower than the database
 * (it pauses a millisecond every 100 rows), rewriting every 1,000th row in the same transaction,
 * and prints the rows seen, the rows rewritten and the most the old generation held after a
 * collection (what was still alive: the rows held, not the garbage of rows already passed on).
 *
 * <p>Arguments: the R2DBC URL, then optionally an option name and value to add to it (the
 * suite's schema or database).
 */
public final class StreamInTransaction {

    private StreamInTransaction() {
    }

    /** Samples until the JVM exits; a test instrument, not library code. */
    private static void sampleOldGeneration(AtomicLong most) {
        while (true) {
            sampleOnce(most);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sampleOnce(AtomicLong most) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if ((pool.getName().contains("Old") || pool.getName().contains("Tenured")) && pool.getCollectionUsage() != null) {
                most.accumulateAndGet(pool.getCollectionUsage().getUsed(), Math::max);
            }
        }
    }

    public static void main(String[] args) {
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(args[0]).mutate();
        if (args.length == 3) {
            options.option(Option.valueOf(args[1]), args[2]);
        }
        Database db = Database.create(ConnectionFactories.get(options.build()));
        AtomicLong rewritten = new AtomicLong();
        AtomicLong liveAfterCollection = new AtomicLong();
        Thread sampler = new Thread(() -> sampleOldGeneration(liveAfterCollection), "old-generation-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        Long rows = db.inTransaction(tx -> db.findAll(Numbered.class)
                        .concatMap(row -> row.id() % 1_000 == 0
                                ? db.update(new Numbered(row.id(), "rewritten", row.bucket()))
                                        .doOnNext(written -> rewritten.incrementAndGet()).thenReturn(row)
                                : Mono.just(row))
                        .concatMap(row -> row.id() % 100 == 0 ? Mono.delay(Duration.ofMillis(1)).thenReturn(row)
                                : Mono.just(row)))
                .count().block(Duration.ofMinutes(10));
        long millis = (System.nanoTime() - started) / 1_000_000;
        sampleOnce(liveAfterCollection);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("rows=" + rows + " rewritten=" + rewritten.get() + " millis=" + millis
                + " oldGenPeakMiB=" + peak / (1024 * 1024) + " oldGenLiveMiB=" + liveAfterCollection.get() / (1024 * 1024));
        System.exit(0);
    }
}
