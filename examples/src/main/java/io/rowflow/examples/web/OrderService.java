package io.rowflow.examples.web;

import static io.rowflow.examples.web.ShopBook_.SHOP_BOOK;
import static io.rowflow.query.Queries.update;

import io.rowflow.Database;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Places orders in a Spring transaction started by {@code @Transactional}: the order row, the stock
 * taken for each line and the order lines commit together, or not at all.
 */
@Service
public class OrderService {

    private final Database db;

    public OrderService(Database db) {
        this.db = db;
    }

    /**
     * Stores the order, takes each line's copies from stock and stores the lines with the price
     * paid. Emits a 404 problem for a missing book and a 409 problem when a book has too few copies:
     * everything written before rolls back with the Spring transaction.
     */
    @Transactional
    public Mono<OrderView> place(NewOrder order) {
        return db.insert(new ShopOrder(null, order.customer(), BigDecimal.ZERO))
                .flatMap(placed -> Flux.fromIterable(order.lines())
                        .concatMap(line -> takeFromStock(placed, line))
                        .collectList()
                        .flatMap(lines -> db.insertAll(lines).collectList())
                        .flatMap(lines -> db.update(new ShopOrder(placed.id(), placed.customer(), total(lines)))
                                .map(stored -> OrderView.of(stored, lines))));
    }

    private Mono<ShopOrderLine> takeFromStock(ShopOrder order, NewOrder.Line line) {
        return db.execute(update(SHOP_BOOK)
                        .set(SHOP_BOOK.stock, SHOP_BOOK.stock.minus(line.quantity()))
                        .where(SHOP_BOOK.id.eq(line.bookId()).and(SHOP_BOOK.stock.ge(line.quantity()))))
                .flatMap(updated -> db.findById(ShopBook.class, line.bookId())
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("No book with id %d", line.bookId())))
                        .flatMap(book -> updated == 1 ? Mono.just(book) : Mono.error(Problems.conflict(
                                "Only %d copies of \"%s\" are in stock, %d ordered", book.stock(), book.title(),
                                line.quantity())))
                        .map(book -> new ShopOrderLine(null, order.id(), book.id(), line.quantity(), book.price())));
    }

    private static BigDecimal total(Iterable<ShopOrderLine> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (ShopOrderLine line : lines) {
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return total;
    }
}
