package io.rowflow.examples.audit;

import java.time.LocalDateTime;

/** A mutable class without annotations, audited through its code mapping. */
public class Comment {

    private Long id;
    private String body;
    private LocalDateTime postedAt;
    private String postedBy;

    public Comment() {
    }

    public Comment(String body) {
        this.body = body;
    }

    public Long getId() {
        return id;
    }

    public String getBody() {
        return body;
    }

    public LocalDateTime getPostedAt() {
        return postedAt;
    }

    public String getPostedBy() {
        return postedBy;
    }
}
