package io.rowflow.examples.generated;

import io.rowflow.mapping.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

/** Invoice numbers such as {@code INV-2026-000042}: a prefix and a counter, never blocking. */
public final class InvoiceNumbers implements IdGenerator<String> {

    private final String prefix;
    private final AtomicLong counter;

    public InvoiceNumbers(String prefix, long last) {
        this.prefix = prefix;
        this.counter = new AtomicLong(last);
    }

    @Override
    public Flux<String> generate(int count) {
        long first = counter.getAndAdd(count) + 1;          // one block of numbers per insert or chunk
        return Flux.range(0, count).map(i -> String.format("%s%06d", prefix, first + i));
    }
}
