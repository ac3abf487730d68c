package io.rowflow.examples.generated;

import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.GenerationType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;

/** An invoice numbered by the generator registered as {@code invoiceNumbers}. */
@Table(name = "invoice")
public record Invoice(
        @Id @GeneratedValue(strategy = GenerationType.GENERATOR, generator = "invoiceNumbers") String number,
        long cents) {
}
