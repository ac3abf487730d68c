package io.rowflow.examples.generated;

import io.rowflow.annotation.DatabaseDefault;
import io.rowflow.annotation.DatabaseGenerated;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.GenerationTime;
import io.rowflow.annotation.GenerationType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.ReadOnly;
import io.rowflow.annotation.Table;
import java.time.LocalDateTime;

/** A support ticket over a table whose DBA gave it a sequence, defaults and a generated column. */
@Table(name = "ticket")
public record Ticket(
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "ticket_seq") Long id,
        String title,
        @DatabaseGenerated LocalDateTime createdAt,                              // DEFAULT LOCALTIMESTAMP
        @DatabaseDefault("'open'") String status,                                // DEFAULT 'open', may be set
        @DatabaseGenerated(GenerationTime.INSERT_AND_UPDATE) Integer titleLength, // GENERATED ALWAYS AS (...)
        @ReadOnly String auditedBy) {                                            // maintained by the database

    /** A new ticket: everything but the title comes from the database. */
    public static Ticket open(String title) {
        return new Ticket(null, title, null, null, null, null);
    }

    /** This ticket with another title. */
    public Ticket retitled(String newTitle) {
        return new Ticket(id, newTitle, createdAt, status, titleLength, auditedBy);
    }
}
