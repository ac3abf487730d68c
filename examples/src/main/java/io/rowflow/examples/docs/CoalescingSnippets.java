package io.rowflow.examples.docs;

import static io.rowflow.examples.relations.Writer_.WRITER;
import static io.rowflow.query.Queries.select;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Coalescing;
import io.rowflow.CoalescingStatistics;
import io.rowflow.Database;
import io.rowflow.examples.relations.Writer;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/coalescing.md}, run by {@code CoalescingSnippetsTest}.
 */
public final class CoalescingSnippets {

    private CoalescingSnippets() {
    }

    public static Flux<Writer> concurrentRequests(Database db, List<Long> writerIds) {
        return Flux.fromIterable(writerIds)
                .flatMap(id -> db.findById(Writer.class, id, WRITER.novels), 64);   // 64 requests at once
    }

    public static Mono<Writer> lookupThroughTheDsl(Database db, long writerId) {
        return db.fetchOne(select(WRITER).where(WRITER.id.eq(writerId)));   // only an id filter: a lookup
    }

    public static Database tuned(ConnectionFactory pool) {
        return Database.builder(pool)
                .coalescing(Coalescing.defaults().withMaxInFlight(8).withMaxBatchSize(512))
                .build();
    }

    public static Database uncoalesced(ConnectionFactory pool) {
        return Database.builder(pool).coalescing(Coalescing.disabled()).build();
    }

    public static Mono<Writer> onItsOwn(Database db, long writerId) {
        return db.findById(Writer.class, writerId)
                .contextWrite(Coalescing.bypass());   // never gathered with other requests
    }

    public static String report(Database db) {
        CoalescingStatistics.Counts lookups = db.coalescingStatistics().lookups();
        CoalescingStatistics.Counts loads = db.coalescingStatistics().relationLoads();
        return lookups.requests() + " lookups in " + lookups.statements() + " statements, "
                + loads.requests() + " relationship loads in " + loads.statements() + " statements";
    }
}
