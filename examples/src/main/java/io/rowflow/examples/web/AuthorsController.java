package io.rowflow.examples.web;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /authors}: authors with their books, and new authors with theirs. */
@RestController
@RequestMapping("/authors")
public class AuthorsController {

    private final BookCatalog catalog;

    public AuthorsController(BookCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code GET /authors}: every author with their books, streamed; books load in batches. */
    @GetMapping(produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
    public Flux<AuthorView> authors() {
        return catalog.authorsWithBooks().map(AuthorView::of);
    }

    /** {@code GET /authors/{id}}: the author with their books, or a 404 problem. */
    @GetMapping("/{id}")
    public Mono<AuthorView> author(@PathVariable long id) {
        return catalog.authorWithBooks(id)
                .map(AuthorView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No author with id %d", id)));
    }

    /**
     * {@code POST /authors}: stores the author and their books in one transaction; 201 Created with
     * the stored author, or a 400 problem naming the invalid fields.
     */
    @PostMapping
    public Mono<ResponseEntity<AuthorView>> create(@RequestBody NewAuthor author) {
        author.validate();
        return catalog.create(author.toEntity())
                .map(created -> ResponseEntity.created(URI.create("/authors/" + created.id())).body(AuthorView.of(created)));
    }
}
