package io.rowflow.examples.docs;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.examples.relations.Writer;
import io.rowflow.replica.ReadYourWrites;
import io.rowflow.replica.ReplicaRouting;
import io.rowflow.replica.ReplicaSelector;
import io.rowflow.replica.RoutingStatistics;
import java.time.Duration;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/scale-out.md}, run by {@code ReplicaSnippetsTest}.
 */
public final class ReplicaSnippets {

    private ReplicaSnippets() {
    }

    public static ReplicaRouting routing(ConnectionFactory primary, ConnectionFactory replica1, ConnectionFactory replica2) {
        return ReplicaRouting.builder(primary)
                .replica("replica-1", replica1)
                .replica("replica-2", replica2)
                .selector(ReplicaSelector.leastBusy())          // or roundRobin(), or your own
                .maxLag(Duration.ofSeconds(2))                  // skip a replica further behind
                .readYourWritesWait(Duration.ofMillis(50))      // then read the primary instead
                .build();
    }

    public static Database database(ConnectionFactory primary, ReplicaRouting routing) {
        return Database.builder(primary)
                .connectionProvider(routing)
                .build();
    }

    public static Mono<Writer> renameThenShow(Database db, ReadYourWrites session, Writer writer, String name) {
        return db.update(new Writer(writer.id(), name, writer.novels()))      // primary; records its WAL position
                .then(db.findById(Writer.class, writer.id()))                  // a replica that has replayed it, or the primary
                .contextWrite(session.context());
    }

    public static Mono<Writer> freshFromThePrimary(Database db, long writerId) {
        return db.findById(Writer.class, writerId)
                .contextWrite(ReplicaRouting.onPrimary());
    }

    public static Mono<Long> reportOnAReplica(Database db) {
        return db.sql("SELECT count(*) FROM lib_writer").mapTo(Long.class).fetchOne()
                .contextWrite(ReplicaRouting.onReplica());   // raw SQL goes to the primary unless told
    }

    public static String report(ReplicaRouting routing) {
        RoutingStatistics counts = routing.statistics();
        return counts.replicaReads() + " reads on replicas, " + counts.primaryReads() + " on the primary ("
                + counts.fallbacksBehind() + " because a replica had not replayed the session's last write)";
    }

    /** One read-your-writes session per user session: every request of a user sees that user's writes. */
    public static final class ReadYourWritesFilter implements WebFilter {

        private static final String ATTRIBUTE = ReadYourWrites.class.getName();

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return exchange.getSession().flatMap(webSession -> {
                ReadYourWrites session = webSession.getAttributes()
                        .computeIfAbsent(ATTRIBUTE, key -> ReadYourWrites.newSession()) instanceof ReadYourWrites found
                        ? found : ReadYourWrites.newSession();
                return chain.filter(exchange).contextWrite(session.context());
            });
        }
    }
}
