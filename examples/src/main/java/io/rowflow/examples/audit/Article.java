package io.rowflow.examples.audit;

import io.rowflow.annotation.CreatedAt;
import io.rowflow.annotation.CreatedBy;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.UpdatedAt;
import io.rowflow.annotation.UpdatedBy;
import java.time.Instant;

/** An audited article: who wrote it and when, who changed it last and when. */
@Table(name = "article")
public record Article(@Id @GeneratedValue Long id,
                      String title,
                      String slug,
                      @CreatedAt Instant createdAt,
                      @UpdatedAt Instant updatedAt,
                      @CreatedBy String createdBy,
                      @UpdatedBy String updatedBy) {

    public static Article draft(String title) {
        return new Article(null, title, null, null, null, null, null);
    }

    public Article withTitle(String newTitle) {
        return new Article(id, newTitle, slug, createdAt, updatedAt, createdBy, updatedBy);
    }

    public Article withSlug(String newSlug) {
        return new Article(id, title, newSlug, createdAt, updatedAt, createdBy, updatedBy);
    }
}
