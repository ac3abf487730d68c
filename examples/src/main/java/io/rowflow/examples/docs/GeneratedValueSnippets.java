package io.rowflow.examples.docs;

import io.r2dbc.spi.ConnectionFactories;
import io.rowflow.Database;
import io.rowflow.annotation.GenerationTime;
import io.rowflow.examples.generated.Device;
import io.rowflow.examples.generated.Invoice;
import io.rowflow.examples.generated.InvoiceNumbers;
import io.rowflow.examples.generated.Ticket;
import io.rowflow.mapping.EntityMapping;
import io.rowflow.mapping.IdGeneration;
import java.util.List;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/generated-values.md}, run by {@code GeneratedValueSnippetsTest}.
 */
public final class GeneratedValueSnippets {

    private GeneratedValueSnippets() {
    }

    /** The schema as a DBA wrote it (H2 syntax). */
    public static Mono<Void> createSchema(Database db) {
        return Flux.just(
                        "CREATE SEQUENCE ticket_seq START WITH 1000",
                        "CREATE TABLE ticket (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL, "
                                + "created_at TIMESTAMP DEFAULT LOCALTIMESTAMP NOT NULL, "
                                + "status VARCHAR(20) DEFAULT 'open' NOT NULL, "
                                + "title_length INTEGER GENERATED ALWAYS AS (CHAR_LENGTH(title)), "
                                + "audited_by VARCHAR(40) DEFAULT 'support')",
                        "CREATE TABLE device (id UUID PRIMARY KEY, name VARCHAR(100) NOT NULL)",
                        "CREATE TABLE invoice (number VARCHAR(20) PRIMARY KEY, cents BIGINT NOT NULL)")
                .concatMap(ddl -> db.sql(ddl).execute())
                .then();
    }

    public static Database connect(String url) {
        return Database.builder(ConnectionFactories.get(url))
                .idGenerator("invoiceNumbers", new InvoiceNumbers("INV-2026-", 41))
                .build();
    }

    public static Mono<Ticket> openTicket(Database db) {
        return db.insert(Ticket.open("Printer on fire"));
        // INSERT INTO ticket (id, title) VALUES (NEXT VALUE FOR ticket_seq, ?)
        //     RETURNING id, created_at, status, title_length         -- one statement
        // -> Ticket[id=1000, title=Printer on fire, createdAt=..., status=open, titleLength=15, auditedBy=null]
    }

    public static Mono<Ticket> retitle(Database db, Ticket ticket) {
        return db.update(ticket.retitled("Printer fixed"));   // comes back with the new titleLength, 13
    }

    public static Flux<Ticket> openMany(Database db) {
        return db.insertAll(IntStream.range(0, 5_000).mapToObj(i -> Ticket.open("Ticket " + i)).toList());
        // H2 and MariaDB: per chunk of 1,000 one statement fetching 1,000 sequence values, one insert
        // PostgreSQL: one statement for 5,000 values, one unnest insert
    }

    public static Mono<Device> register(Database db) {
        return db.insert(new Device(null, "sensor-7"));   // id: a version-7 UUID, increasing with time
    }

    public static Flux<Invoice> bill(Database db) {
        return db.insertAll(List.of(new Invoice(null, 1_250), new Invoice(null, 990)));
        // numbers INV-2026-000042 and INV-2026-000043: one call of the generator for the chunk
    }

    /** The same description in code, for a class you cannot annotate. */
    public static EntityMapping<Ticket> ticketInCode() {
        return EntityMapping.entity(Ticket.class)
                .table("ticket")
                .generatedId(Ticket::id, IdGeneration.sequence("ticket_seq"))
                .databaseGenerated(Ticket::createdAt, GenerationTime.INSERT)
                .databaseDefault(Ticket::status)
                .databaseGenerated(Ticket::titleLength, GenerationTime.INSERT_AND_UPDATE)
                .readOnly(Ticket::auditedBy);
    }
}
