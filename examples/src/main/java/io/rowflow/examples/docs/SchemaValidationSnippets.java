package io.rowflow.examples.docs;

import io.rowflow.Database;
import io.rowflow.SchemaValidationException;
import io.rowflow.examples.Author;
import io.rowflow.examples.Book;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/schema-validation.md}, run by {@code DocsSnippetsTest}.
 */
public final class SchemaValidationSnippets {

    private SchemaValidationSnippets() {
    }

    public static Mono<Void> validateMappings(Database db) {
        return db.schema().validate(Author.class, Book.class)    // completes when the tables match
                .doOnError(SchemaValidationException.class,
                        error -> error.problems().forEach(System.err::println));    // every problem, at once
    }
}
