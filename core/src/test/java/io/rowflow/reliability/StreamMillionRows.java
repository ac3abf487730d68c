package io.rowflow.reliability;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.rowflow.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;

/**
 * Run in a separate JVM with a small heap by {@link LargeDataTest}: streams every row of
 * {@code large_numbered} through a {@code Flux} and prints how many came and the peak heap used.
 */
public final class StreamMillionRows {

    private StreamMillionRows() {
    }

    public static void main(String[] args) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(args[0]).mutate()
                .option(Option.valueOf("schema"), args[1]).build();
        Database db = Database.create(ConnectionFactories.get(options));
        long started = System.nanoTime();
        Long rows = db.findAll(Numbered.class).count().block(Duration.ofMinutes(5));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("rows=" + rows + " millis=" + millis + " peakHeapMiB=" + peak / (1024 * 1024));
        System.exit(0);
    }
}
