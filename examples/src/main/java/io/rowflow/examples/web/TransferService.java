package io.rowflow.examples.web;

import static io.rowflow.examples.web.ShopBook_.SHOP_BOOK;
import static io.rowflow.query.Queries.select;

import io.rowflow.Database;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves books from one author to another, all or none, in one Spring transaction built with a
 * {@link TransactionalOperator}: Spring's {@link DatabaseClient} updates the books and Rowflow
 * reads the authors and the result, all on the transaction's connection.
 */
@Service
public class TransferService {

    private final Database db;
    private final DatabaseClient client;
    private final TransactionalOperator transactions;

    public TransferService(Database db, DatabaseClient client, TransactionalOperator transactions) {
        this.db = db;
        this.client = client;
        this.transactions = transactions;
    }

    /**
     * Emits the outcome once committed. A missing author is a 404 problem, a book that is not by
     * the source author a 409 problem; either way no book has moved.
     */
    public Mono<TransferView> transfer(Transfer transfer) {
        return Mono.zip(author(transfer.fromAuthorId()), author(transfer.toAuthorId()))
                .thenMany(Flux.fromIterable(transfer.bookIds()).concatMap(bookId -> move(transfer, bookId)))
                .then(db.fetch(select(SHOP_BOOK).where(SHOP_BOOK.author.eqId(transfer.toAuthorId())).orderBy(SHOP_BOOK.id.asc()))
                        .map(BookView::of)
                        .collectList())
                .map(books -> new TransferView(transfer.fromAuthorId(), transfer.toAuthorId(), transfer.bookIds().size(),
                        books))
                .as(transactions::transactional);
    }

    private Mono<ShopAuthor> author(long id) {
        return db.findById(ShopAuthor.class, id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No author with id %d", id)));
    }

    private Mono<Long> move(Transfer transfer, long bookId) {
        return client.sql("update shop_book set author_id = :to where id = :book and author_id = :from")
                .bind("to", transfer.toAuthorId())
                .bind("book", bookId)
                .bind("from", transfer.fromAuthorId())
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> Problems.conflict("Book %d is not by author %d", bookId,
                        transfer.fromAuthorId())));
    }
}
