package io.rowflow.examples.tenancy;

import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.SoftDelete;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.TenantId;
import java.time.Instant;
import java.util.List;

/** A support ticket of one tenant, soft-deleted, with its comments. */
@Table(name = "desk_ticket")
public record Ticket(@Id @GeneratedValue Long id,
                     @TenantId String tenant,            // filled on insert from the Context
                     String title,
                     boolean spam,                       // hidden by a global filter
                     @SoftDelete Instant deletedAt,      // set by delete, hidden when not null
                     @OneToMany(mappedBy = "ticket") List<Comment> comments) {

    public static Ticket of(String title) {
        return new Ticket(null, null, title, false, null, List.of());
    }
}
