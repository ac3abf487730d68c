package io.rowflow.examples.docs;

import io.rowflow.Database;
import io.rowflow.Retries;
import java.math.BigDecimal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The code sample of {@code docs/reliability.md}: a transaction retried as a whole on transient
 * failures, run by {@code ReliabilitySnippetsTest}.
 */
public final class ReliabilitySnippets {

    private ReliabilitySnippets() {
    }

    public static Mono<Void> transferWithRetries(Database db, long from, long to, BigDecimal amount) {
        return db.inTransaction(tx -> transfer(db, from, to, amount))
                .retryWhen(Retries.transientFailures(3))
                .then();
    }

    /** Moves an amount of price from one book to another: two updates that must commit together. */
    private static Flux<Long> transfer(Database db, long from, long to, BigDecimal amount) {
        return db.sql("update demo_book set price = price - :amount where id = :id").bind("amount", amount).bind("id", from)
                .execute()
                .concatWith(db.sql("update demo_book set price = price + :amount where id = :id").bind("amount", amount)
                        .bind("id", to).execute());
    }
}
