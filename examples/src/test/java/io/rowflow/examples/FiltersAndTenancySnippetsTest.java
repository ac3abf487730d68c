package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.TenantException;
import io.rowflow.examples.docs.FiltersAndTenancySnippets;
import io.rowflow.examples.tenancy.Comment;
import io.rowflow.examples.tenancy.Ticket;
import io.rowflow.test.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

/** Runs the samples of docs/filters-and-tenancy.md on H2. */
class FiltersAndTenancySnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private ConnectionFactory factory;
    private Database db;

    @BeforeEach
    void createSchema() {
        factory = TestDatabases.h2();
        db = FiltersAndTenancySnippets.configure(factory, Clock.fixed(NOW, ZoneOffset.UTC));
        Flux.fromIterable(FiltersAndTenancySnippets.schema()).concatMap(sql -> db.sql(sql).execute()).blockLast(TIMEOUT);
    }

    @Test
    void eachTenantSeesItsOwnLiveTicketsAndTheTrashShowsDeletedOnes() {
        Ticket printer = FiltersAndTenancySnippets.openTicket(db, "acme", "printer on fire").block(TIMEOUT);
        Ticket login = FiltersAndTenancySnippets.openTicket(db, "acme", "cannot log in").block(TIMEOUT);
        Ticket other = FiltersAndTenancySnippets.openTicket(db, "globex", "slow dashboard").block(TIMEOUT);
        assertThat(printer.tenant()).isEqualTo("acme");
        FiltersAndTenancySnippets.comment(db, "acme", printer, "on it").block(TIMEOUT);
        db.insert(new Ticket(null, null, "buy pills", true, null, List.of())).contextWrite(Context.of("tenant", "acme"))
                .block(TIMEOUT);

        List<Ticket> acme = FiltersAndTenancySnippets.ticketsWithComments(db, "acme").collectList().block(TIMEOUT);
        assertThat(acme).extracting(Ticket::title).containsExactlyInAnyOrder("printer on fire", "cannot log in");
        assertThat(acme).filteredOn(t -> t.id().equals(printer.id())).singleElement()
                .satisfies(t -> assertThat(t.comments()).extracting(Comment::body).containsExactly("on it"));

        assertThat(FiltersAndTenancySnippets.deleteTicket(db, "globex", login.id()).block(TIMEOUT)).as("not globex's").isFalse();
        assertThat(FiltersAndTenancySnippets.deleteTicket(db, "acme", login.id()).block(TIMEOUT)).isTrue();
        assertThat(FiltersAndTenancySnippets.ticketsWithComments(db, "acme").map(Ticket::title).collectList().block(TIMEOUT))
                .containsExactly("printer on fire");
        assertThat(FiltersAndTenancySnippets.trash(db, "acme").collectList().block(TIMEOUT)).singleElement()
                .satisfies(t -> assertThat(t.deletedAt()).isEqualTo(NOW));
        assertThat(FiltersAndTenancySnippets.trash(db, "globex").collectList().block(TIMEOUT)).isEmpty();
        assertThat(FiltersAndTenancySnippets.allTenantsCount(db).block(TIMEOUT)).isEqualTo(4);
        assertThat(other.tenant()).isEqualTo("globex");

        assertThatThrownBy(() -> db.findAll(Ticket.class).collectList().block(TIMEOUT)).isInstanceOf(TenantException.class);
    }

    @Test
    void schemaPerTenantReadsTheTenantsSchema() {
        Flux.just("CREATE SCHEMA tenant_acme", "CREATE SCHEMA tenant_globex",
                        "CREATE TABLE tenant_acme.note (id INTEGER PRIMARY KEY, body VARCHAR(40))",
                        "CREATE TABLE tenant_globex.note (id INTEGER PRIMARY KEY, body VARCHAR(40))",
                        "INSERT INTO tenant_acme.note VALUES (1, 'acme''s')",
                        "INSERT INTO tenant_globex.note VALUES (1, 'globex''s')")
                .concatMap(sql -> db.sql(sql).execute()).blockLast(TIMEOUT);
        Database routed = FiltersAndTenancySnippets.schemaPerTenant(factory, db.dialect());

        assertThat(routed.sql("SELECT body FROM note").map(row -> row.get(0, String.class)).fetchOne()
                .contextWrite(Context.of("tenant", "globex")).block(TIMEOUT)).isEqualTo("globex's");
        assertThat(routed.sql("SELECT body FROM note").map(row -> row.get(0, String.class)).fetchOne()
                .contextWrite(Context.of("tenant", "acme")).block(TIMEOUT)).isEqualTo("acme's");
    }
}
