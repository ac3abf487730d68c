package io.rowflow.examples.web;

import io.rowflow.Database;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bookstore's sample data. Its tables come from Flyway's migrations
 * ({@code db/migration/{vendor}}), which Spring Boot runs before the {@code Database} exists; on
 * startup (unless {@code bookstore.initialize=false}) this stores a few authors with their books
 * when there is no author yet, so the service answers something on a fresh database.
 */
@Component
public class BookstoreData implements ApplicationRunner {

    /** Every table of the bookstore, referencing tables first. */
    private static final Class<?>[] TABLES_REFERENCING_FIRST =
            {ShopOrderLine.class, ShopOrder.class, ShopBook.class, ShopAuthor.class};

    private final Database db;
    private final boolean initialize;

    public BookstoreData(Database db, @Value("${bookstore.initialize:true}") boolean initialize) {
        this.db = db;
        this.initialize = initialize;
    }

    /** Stores the sample data on an empty database; blocks, as startup work may. */
    @Override
    public void run(ApplicationArguments args) {
        if (initialize) {
            db.count(ShopAuthor.class)
                    .flatMap(authors -> authors == 0 ? sampleData() : Mono.empty())
                    .block(Duration.ofMinutes(1));
        }
    }

    /** Deletes every row of the bookstore's tables, referencing tables first; the migrated tables stay. */
    public Mono<Void> clear() {
        return Flux.fromArray(TABLES_REFERENCING_FIRST)
                .concatMap(table -> db.sql("delete from " + db.model(table).tableName()).execute())
                .then();
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
