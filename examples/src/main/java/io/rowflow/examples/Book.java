package io.rowflow.examples;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.Embedded;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.References;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.Version;
import java.math.BigDecimal;

/**
 * A book: a mutable entity with a no-argument constructor and setters. Rowflow sets the generated
 * id and the version on the instance itself; the version makes updates optimistic.
 */
@Table(name = "demo_book")
public class Book {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @References(Author.class)
    private Long authorId;

    @Column(precision = 10, scale = 2)
    private BigDecimal price;

    @Embedded
    private Edition firstEdition;

    @Version
    private Integer version;

    /** For Rowflow, which fills the fields of the instances it reads. */
    public Book() {
    }

    /** A new book, not yet stored (no id, no version). */
    public Book(String title, Long authorId, BigDecimal price, Edition firstEdition) {
        this.title = title;
        this.authorId = authorId;
        this.price = price;
        this.firstEdition = firstEdition;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public void setAuthorId(Long authorId) {
        this.authorId = authorId;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Edition getFirstEdition() {
        return firstEdition;
    }

    public void setFirstEdition(Edition firstEdition) {
        this.firstEdition = firstEdition;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    @Override
    public String toString() {
        return "Book[id=" + id + ", title=" + title + ", authorId=" + authorId + ", price=" + price
                + ", firstEdition=" + firstEdition + ", version=" + version + "]";
    }
}
