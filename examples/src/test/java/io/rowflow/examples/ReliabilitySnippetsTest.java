package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.examples.docs.ReliabilitySnippets;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the sample of docs/reliability.md on embedded H2. */
class ReliabilitySnippetsTest {

    @Test
    void retriedTransferMovesTheAmountOnce() {
        Duration timeout = Duration.ofSeconds(30);
        Database db = Database.connect("r2dbc:h2:mem:///reliability-snippets?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        db.schema().create(Author.class, Book.class).block(timeout);
        Author author = db.insert(Author.named("Octavia E. Butler", 1947)).block(timeout);
        List<Book> books = db.insertAll(List.of(
                new Book("Kindred", author.id(), new BigDecimal("10.00"), new Edition("Doubleday", 1979)),
                new Book("Dawn", author.id(), new BigDecimal("5.00"), new Edition("Warner", 1987)))).collectList().block(timeout);

        ReliabilitySnippets.transferWithRetries(db, books.get(0).getId(), books.get(1).getId(), new BigDecimal("2.50"))
                .block(timeout);

        assertThat(db.findById(Book.class, books.get(0).getId()).block(timeout).getPrice()).isEqualByComparingTo("7.50");
        assertThat(db.findById(Book.class, books.get(1).getId()).block(timeout).getPrice()).isEqualByComparingTo("7.50");
    }
}
