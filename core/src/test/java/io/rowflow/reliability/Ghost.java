package io.rowflow.reliability;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** Maps a column the real table does not have: the table is created by hand without it. */
@Table(name = "ghost")
public record Ghost(@Id Long id, String name, @Column(name = "no_such_column") String missing) {
}
