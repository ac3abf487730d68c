package io.rowflow.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JPA entities, mapped to the same tables as the other contenders': mutable classes with a
 * no-argument constructor, as Hibernate wants them. Fields are accessed directly.
 */
public final class Entities {

    private Entities() {
    }

    @Entity(name = "World")
    @Table(name = "bench_world")
    public static class World {
        @Id
        Integer id;
        @Column(name = "random_number")
        int randomNumber;
    }

    @Entity(name = "Fortune")
    @Table(name = "bench_fortune")
    public static class Fortune {
        @Id
        Integer id;
        String message;

        Fortune() {
        }

        Fortune(Integer id, String message) {
            this.id = id;
            this.message = message;
        }
    }

    @Entity(name = "Item")
    @Table(name = "bench_item")
    public static class Item {
        /** A {@code bigserial} column: the database generates the id (so Hibernate cannot batch the inserts). */
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        @Nullable Long id;
        String name;
        int quantity;
        int score;

        Item() {
        }

        Item(String name, int quantity, int score) {
            this.name = name;
            this.quantity = quantity;
            this.score = score;
        }
    }

    @Entity(name = "Event")
    @Table(name = "bench_event")
    public static class Event {
        @Id
        Long id;
        String name;
        int amount;
    }

    @Entity(name = "Author")
    @Table(name = "bench_author")
    public static class Author {
        @Id
        Integer id;
        String name;
        @OneToMany(mappedBy = "author")
        @OrderBy("id")
        List<Book> books = new ArrayList<>();
    }

    @Entity(name = "Book")
    @Table(name = "bench_book")
    public static class Book {
        @Id
        Integer id;
        String title;
        int year;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "author_id")
        Author author;
    }
}
