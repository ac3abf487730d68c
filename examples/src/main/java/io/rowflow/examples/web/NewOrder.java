package io.rowflow.examples.web;

import java.util.List;

/**
 * The body of {@code POST /orders}.
 *
 * @param customer who orders, required
 * @param lines at least one line, each with a book id and a quantity of at least one
 */
public record NewOrder(String customer, List<Line> lines) {

    /** Copies of one book. */
    public record Line(Long bookId, Integer quantity) {
    }

    /** Throws a 400 Bad Request problem naming every invalid field. */
    void validate() {
        Validation validation = new Validation()
                .require(Validation.hasText(customer), "customer", "must not be blank")
                .require(lines != null && !lines.isEmpty(), "lines", "must have at least one line");
        for (int i = 0; lines != null && i < lines.size(); i++) {
            Line line = lines.get(i);
            validation.require(line != null && line.bookId() != null, "lines[" + i + "].bookId", "is required")
                    .require(line != null && line.quantity() != null && line.quantity() > 0, "lines[" + i + "].quantity",
                            "must be at least 1");
        }
        validation.check();
    }
}
