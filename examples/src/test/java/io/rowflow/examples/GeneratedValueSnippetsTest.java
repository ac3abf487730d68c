package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.examples.docs.GeneratedValueSnippets;
import io.rowflow.examples.generated.Device;
import io.rowflow.examples.generated.Invoice;
import io.rowflow.examples.generated.Ticket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/generated-values.md on H2, over the hand-written schema of the guide. */
class GeneratedValueSnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Database db;

    @BeforeEach
    void createSchema() {
        db = GeneratedValueSnippets.connect("r2dbc:h2:mem:///generated_" + UUID.randomUUID().toString().replace('-', '_')
                + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        GeneratedValueSnippets.createSchema(db).block(TIMEOUT);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTicketComesBackWithWhatTheDatabaseFilledIn() {
        Ticket ticket = GeneratedValueSnippets.openTicket(db).block(TIMEOUT);

        assertThat(ticket.id()).isEqualTo(1000L);
        assertThat(ticket.createdAt()).isNotNull();
        assertThat(ticket.status()).isEqualTo("open");
        assertThat(ticket.titleLength()).isEqualTo(15);
        assertThat(ticket.auditedBy()).isNull();
        assertThat(db.findById(Ticket.class, 1000L).block(TIMEOUT).auditedBy()).isEqualTo("support");

        Ticket retitled = GeneratedValueSnippets.retitle(db, ticket).block(TIMEOUT);
        assertThat(retitled.titleLength()).isEqualTo(13);
        assertThat(retitled.createdAt()).isEqualTo(ticket.createdAt());
    }

    @Test
    void manyTicketsTakeTwoStatementsPerChunk() {
        List<Ticket> tickets = GeneratedValueSnippets.openMany(db).collectList().block(TIMEOUT);

        assertThat(tickets).hasSize(5_000);
        assertThat(new HashSet<>(tickets.stream().map(Ticket::id).toList())).hasSize(5_000);
        assertThat(tickets.get(4_999).titleLength()).isEqualTo("Ticket 4999".length());
    }

    @Test
    void devicesGetTimeOrderedUuidsAndInvoicesTheirNumbers() {
        Device device = GeneratedValueSnippets.register(db).block(TIMEOUT);
        List<Invoice> invoices = GeneratedValueSnippets.bill(db).collectList().block(TIMEOUT);

        assertThat(device.id().version()).isEqualTo(7);
        assertThat(invoices).extracting(Invoice::number).containsExactly("INV-2026-000042", "INV-2026-000043");
    }

    @Test
    void theCodeMappingWorksLikeTheAnnotations() {
        Database mapped = Database.builder(io.r2dbc.spi.ConnectionFactories.get(
                        "r2dbc:h2:mem:///generated_code_" + UUID.randomUUID().toString().replace('-', '_')
                                + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE"))
                .mapping(GeneratedValueSnippets.ticketInCode()).build();
        GeneratedValueSnippets.createSchema(mapped).block(TIMEOUT);

        Ticket ticket = GeneratedValueSnippets.openTicket(mapped).block(TIMEOUT);

        assertThat(ticket.status()).isEqualTo("open");
        assertThat(ticket.titleLength()).isEqualTo(15);
        mapped.close();
    }
}
