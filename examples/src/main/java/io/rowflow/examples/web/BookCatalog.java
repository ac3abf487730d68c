package io.rowflow.examples.web;

import static io.rowflow.examples.web.ShopAuthor_.SHOP_AUTHOR;
import static io.rowflow.examples.web.ShopBook_.SHOP_BOOK;
import static io.rowflow.query.Queries.select;

import io.rowflow.Database;
import io.rowflow.query.SelectQuery;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bookstore's catalog: streams, pages and single reads of books, authors with their books, and
 * new authors stored with their books. Every method returns a cold publisher straight from Rowflow.
 */
@Service
public class BookCatalog {

    private final Database db;

    public BookCatalog(Database db) {
        this.db = db;
    }

    /**
     * Streams the books whose title contains {@code search} (ignoring case; every book without
     * one), in id order, starting after the book with id {@code afterId} when given. The database
     * sends 256 rows per round trip, and a cancelled stream stops reading.
     */
    public Flux<ShopBook> books(@Nullable String search, @Nullable Long afterId) {
        SelectQuery<ShopBook> query = select(SHOP_BOOK).orderBy(SHOP_BOOK.id.asc()).fetchSize(256);
        if (search != null && !search.isBlank()) {
            query = query.where(SHOP_BOOK.title.lower().contains(search.toLowerCase(Locale.ROOT)));
        }
        return db.fetch(afterId == null ? query : query.seekAfter(afterId));
    }

    /**
     * One page of books by title: keyset paging, so a page costs the same however deep it is. Reads
     * one row more than the page to know whether there is a next page.
     */
    public Mono<BookPage> page(@Nullable String after, int size) {
        SelectQuery<ShopBook> query = select(SHOP_BOOK).orderBy(SHOP_BOOK.title.asc(), SHOP_BOOK.id.asc()).limit(size + 1);
        if (after != null) {
            PageCursor cursor = PageCursor.decode(after);
            query = query.seekAfter(cursor.title(), cursor.id());
        }
        return db.fetch(query).map(BookView::of).collectList()
                .map(books -> books.size() <= size ? new BookPage(books, null)
                        : new BookPage(books.subList(0, size), PageCursor.after(books.get(size - 1)).encode()));
    }

    /** Emits the book with this id, or completes empty. */
    public Mono<ShopBook> book(long id) {
        return db.findById(ShopBook.class, id);
    }

    /** Streams the authors by name with their books: one query for the books of every 256 authors. */
    public Flux<ShopAuthor> authorsWithBooks() {
        return db.fetch(select(SHOP_AUTHOR).orderBy(SHOP_AUTHOR.name.asc(), SHOP_AUTHOR.id.asc()).with(SHOP_AUTHOR.books));
    }

    /** Emits the author with this id and their books, or completes empty. */
    public Mono<ShopAuthor> authorWithBooks(long id) {
        return db.findById(ShopAuthor.class, id, SHOP_AUTHOR.books);
    }

    /** Stores a new author and their books in one transaction; emits them with their ids. */
    public Mono<ShopAuthor> create(ShopAuthor author) {
        return db.insert(author);
    }
}
