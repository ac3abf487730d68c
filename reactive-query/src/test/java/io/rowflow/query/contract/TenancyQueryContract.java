package io.rowflow.query.contract;

import static io.rowflow.query.Queries.delete;
import static io.rowflow.query.Queries.select;
import static io.rowflow.query.Queries.update;
import static io.rowflow.query.fixtures.Desk_.DESK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.TenantException;
import io.rowflow.query.fixtures.Desk;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Typed DSL queries, counts, existence checks, id lookups, updates and deletes of an entity with a
 * tenant discriminator and soft delete see and change only the current tenant's live rows.
 */
public abstract class TenancyQueryContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int DESKS = 24;

    private Database db;

    /** The real database under test. */
    protected abstract ConnectionFactory connectionFactory();

    private static String tenantOf(int desk) {
        return "t" + (desk % 3);
    }

    private static boolean gone(int desk) {
        return desk % 4 == 0;
    }

    private static List<Integer> live(String tenant) {
        return IntStream.rangeClosed(1, DESKS).filter(i -> tenantOf(i).equals(tenant) && !gone(i)).boxed().toList();
    }

    private static <T> Mono<T> as(String tenant, Mono<T> work) {
        return work.contextWrite(Context.of("tenant", tenant));
    }

    @BeforeEach
    void createData() {
        db = Database.builder(connectionFactory()).tenant(context -> context.getOrDefault("tenant", null)).build();
        Flux.just("DROP TABLE IF EXISTS dsl_desk",
                        "CREATE TABLE dsl_desk (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, "
                                + "tenant VARCHAR(10) NOT NULL, gone BOOLEAN NOT NULL)",
                        "INSERT INTO dsl_desk VALUES " + IntStream.rangeClosed(1, DESKS)
                                .mapToObj(i -> "(" + i + ", 'desk " + i + "', '" + tenantOf(i) + "', " + gone(i) + ")")
                                .collect(Collectors.joining(", ")))
                .concatMap(sql -> db.sql(sql).execute()).blockLast(TIMEOUT);
    }

    @Test
    void queriesCountsAndLookupsSeeOnlyTheTenantsLiveRows() {
        assertThat(as("t1", db.fetch(select(DESK).where(DESK.name.startsWith("desk"))).map(Desk::id).collectList())
                .block(TIMEOUT)).containsExactlyInAnyOrderElementsOf(live("t1"));
        assertThat(as("t2", db.count(select(DESK).where(DESK.name.startsWith("desk")))).block(TIMEOUT))
                .isEqualTo(live("t2").size());
        assertThat(as("t1", db.exists(select(DESK).where(DESK.id.eq(2)))).block(TIMEOUT)).as("desk 2 is t2's").isFalse();
        assertThat(as("t2", db.fetchOne(select(DESK).where(DESK.id.eq(2)))).block(TIMEOUT).name()).isEqualTo("desk 2");
        assertThat(as("t1", db.fetchOne(select(DESK).where(DESK.id.eq(4)))).blockOptional(TIMEOUT)).as("gone").isEmpty();
        assertThatThrownBy(() -> db.fetch(select(DESK)).collectList().block(TIMEOUT)).isInstanceOf(TenantException.class);
    }

    @Test
    void updatesAndDeletesChangeOnlyTheTenantsLiveRows() {
        assertThat(as("t0", db.execute(update(DESK).set(DESK.name, "renamed").where(DESK.name.startsWith("desk"))))
                .block(TIMEOUT)).isEqualTo(live("t0").size());
        assertThat(as("t1", db.execute(delete(DESK).where(DESK.name.startsWith("desk")))).block(TIMEOUT))
                .isEqualTo(live("t1").size());
        assertThat(db.sql("SELECT COUNT(*) FROM dsl_desk WHERE name = 'renamed'").map(row -> row.get(0, Long.class))
                .fetchOne().block(TIMEOUT)).isEqualTo(live("t0").size());
        assertThat(db.sql("SELECT COUNT(*) FROM dsl_desk").map(row -> row.get(0, Long.class)).fetchOne().block(TIMEOUT))
                .isEqualTo(DESKS - live("t1").size());
    }
}
