package io.rowflow.query.relation;

import io.rowflow.Ref;
import io.rowflow.annotation.CascadeType;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.JoinTable;
import io.rowflow.annotation.ManyToMany;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.Table;
import java.util.List;
import java.util.Set;

/** A book (mutable class) with an author, reviews (cascading) and tags (many-to-many, owning). */
@Table(name = "rel_book")
public class Book {
    @Id
    @GeneratedValue
    private Long id;
    private String title;
    private Integer year;
    @ManyToOne
    @JoinColumn(name = "author_id")
    private Ref<Author> author;
    @OneToMany(mappedBy = "book", cascade = CascadeType.ALL)
    private List<Review> reviews;
    @ManyToMany(cascade = CascadeType.ALL)
    @JoinTable(name = "rel_book_tag", joinColumn = @JoinColumn(name = "book_id"),
            inverseJoinColumn = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags;

    public Book() {
    }

    public Book(String title, Integer year, Ref<Author> author) {
        this.title = title;
        this.year = year;
        this.author = author;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Integer getYear() { return year; }
    public Ref<Author> getAuthor() { return author; }
    public void setAuthor(Ref<Author> author) { this.author = author; }
    public List<Review> getReviews() { return reviews; }
    public void setReviews(List<Review> reviews) { this.reviews = reviews; }
    public Set<Tag> getTags() { return tags; }
    public void setTags(Set<Tag> tags) { this.tags = tags; }

    @Override
    public String toString() {
        return "Book[" + id + ", " + title + "]";
    }
}
