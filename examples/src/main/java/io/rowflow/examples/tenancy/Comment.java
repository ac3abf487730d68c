package io.rowflow.examples.tenancy;

import io.rowflow.Ref;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.SoftDelete;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.TenantId;

/** A comment on a ticket: of the same tenant, deleted by a flag. */
@Table(name = "desk_comment")
public record Comment(@Id @GeneratedValue Long id,
                      @TenantId String tenant,
                      String body,
                      @SoftDelete boolean removed,
                      @ManyToOne @JoinColumn(name = "ticket_id") Ref<Ticket> ticket) {
}
