package io.rowflow.benchmarks.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The Spring Data entities, mapped to the same tables as the other contenders'. */
final class SpringEntities {

    private SpringEntities() {
    }

    @Table("bench_world")
    record World(@Id Integer id, int randomNumber) {
    }

    @Table("bench_fortune")
    record Fortune(@Id Integer id, String message) {
    }

    @Table("bench_item")
    record Item(@Id @Nullable Long id, String name, int quantity, int score) {
        /** Spring Data sets the generated id through this "wither". */
        Item withId(Long newId) {
            return new Item(newId, name, quantity, score);
        }
    }

    @Table("bench_event")
    record Event(@Id Long id, String name, int amount) {
    }

    @Table("bench_author")
    record Author(@Id Integer id, String name) {
    }

    @Table("bench_book")
    record Book(@Id Integer id, String title, int year, Integer authorId) {
    }

    /** A row of W10's join. */
    record AuthorBook(int authorId, String authorName, int bookId, String title, int year) {
    }
}
