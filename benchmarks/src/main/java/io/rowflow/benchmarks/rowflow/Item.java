package io.rowflow.benchmarks.rowflow;

import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.GenerationType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import org.jspecify.annotations.Nullable;

/**
 * An inserted row with a generated id (W5, W5c): ids come from the {@code bigserial} column's
 * sequence, a block per {@code insertAll} chunk, so the rows can be written with binary COPY.
 */
@Table(name = "bench_item")
public record Item(@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "bench_item_id_seq") @Nullable Long id,
                   String name, int quantity, int score) {
}
