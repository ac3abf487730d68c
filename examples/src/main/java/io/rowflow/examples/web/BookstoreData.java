package io.rowflow.examples.web;

import io.rowflow.Database;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The bookstore's tables and sample data. On startup (unless {@code bookstore.initialize=false})
 * it creates the tables that do not exist yet and, when there is no author, stores a few authors
 * with their books, so the service answers something on a fresh database.
 */
@Component
public class BookstoreData implements ApplicationRunner {

    /** Every table of the bookstore, referenced tables first. */
    static final Class<?>[] TABLES = {ShopAuthor.class, ShopBook.class, ShopOrder.class, ShopOrderLine.class};

    private final Database db;
    private final boolean initialize;

    public BookstoreData(Database db, @Value("${bookstore.initialize:true}") boolean initialize) {
        this.db = db;
        this.initialize = initialize;
    }

    /** Creates the missing tables and the sample data; blocks, as startup work may. */
    @Override
    public void run(ApplicationArguments args) {
        if (initialize) {
            db.schema().createIfNotExists(TABLES)
                    .then(db.count(ShopAuthor.class))
                    .flatMap(authors -> authors == 0 ? sampleData() : Mono.empty())
                    .block(Duration.ofMinutes(1));
        }
    }

    /** Drops and recreates the tables, empty. */
    public Mono<Void> recreate() {
        return db.schema().dropIfExists(TABLES).then(db.schema().create(TABLES));
    }

    /** Stores the sample authors, each with their books. */
    public Mono<Void> sampleData() {
        return db.insert(author("Ursula K. Le Guin", 1929,
                        book("A Wizard of Earthsea", 1968, "8.99", 12),
                        book("The Left Hand of Darkness", 1969, "9.99", 7),
                        book("The Dispossessed", 1974, "10.50", 5)))
                .then(db.insert(author("Octavia E. Butler", 1947,
                        book("Kindred", 1979, "12.00", 9),
                        book("Parable of the Sower", 1993, "14.50", 3))))
                .then(db.insert(author("Iain M. Banks", 1954,
                        book("The Player of Games", 1988, "8.75", 4))))
                .then();
    }

    private static ShopAuthor author(String name, int born, ShopBook... books) {
        return new ShopAuthor(null, name, born, List.of(books));
    }

    private static ShopBook book(String title, int year, String price, int stock) {
        return new ShopBook(null, title, year, new BigDecimal(price), stock, null);
    }
}
