package io.rowflow.test.contract;

import io.rowflow.Ref;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.Table;

/** A book of a writer. */
@Table(name = "tt_volume")
public record Volume(@Id @GeneratedValue Long id, @Column(nullable = false) String title,
                     @ManyToOne @JoinColumn(name = "writer_id") Ref<Writer> writer) {

    static Volume of(String title, long writerId) {
        return new Volume(null, title, Ref.to(writerId));
    }
}
