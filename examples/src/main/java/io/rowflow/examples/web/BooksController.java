package io.rowflow.examples.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /books}: the catalog streamed as newline-delimited JSON or server-sent events, keyset
 * pages, and single books.
 */
@RestController
@RequestMapping("/books")
public class BooksController {

    private final BookCatalog catalog;

    public BooksController(BookCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * {@code GET /books?q=...}: every matching book, one JSON object per line
     * ({@code application/x-ndjson}) written as the rows arrive, or a JSON array. A client that
     * disconnects cancels the query and frees its connection.
     */
    @GetMapping(produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
    public Flux<BookView> books(@RequestParam(name = "q", required = false) @Nullable String search) {
        return catalog.books(search, null).map(BookView::of);
    }

    /**
     * {@code GET /books?q=...} with {@code Accept: text/event-stream}: the same books as server-sent
     * events whose id is the book's id. A client reconnecting with {@code Last-Event-ID} resumes
     * after that book.
     */
    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<BookView>> bookEvents(@RequestParam(name = "q", required = false) @Nullable String search,
                                                      @RequestHeader(name = "Last-Event-ID", required = false)
                                                      @Nullable Long lastEventId) {
        return catalog.books(search, lastEventId)
                .map(book -> ServerSentEvent.builder(BookView.of(book)).id(String.valueOf(book.id())).build());
    }

    /** {@code GET /books/page?after=...&size=20}: a page of books by title, with the cursor of the next. */
    @GetMapping("/page")
    public Mono<BookPage> page(@RequestParam(required = false) @Nullable String after,
                               @RequestParam(defaultValue = "20") int size) {
        new Validation().require(size >= 1 && size <= 100, "size", "must be between 1 and 100").check();
        return catalog.page(after, size);
    }

    /** {@code GET /books/{id}}: the book, or a 404 problem. */
    @GetMapping("/{id}")
    public Mono<BookView> book(@PathVariable long id) {
        return catalog.book(id)
                .map(BookView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No book with id %d", id)));
    }
}
