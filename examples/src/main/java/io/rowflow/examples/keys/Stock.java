package io.rowflow.examples.keys;

import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.Version;

/** How many copies of a film a store holds, keyed by one record. */
@Table(name = "stock")
public record Stock(@Id StockKey key, int copies, @Version Integer version) {
}
