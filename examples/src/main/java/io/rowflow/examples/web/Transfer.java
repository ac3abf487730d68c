package io.rowflow.examples.web;

import java.util.List;

/**
 * The body of {@code POST /transfers}: books that move from one author to another, all or none.
 *
 * @param fromAuthorId the author the books are attributed to now
 * @param toAuthorId the author they move to, a different one
 * @param bookIds at least one book, each currently by {@code fromAuthorId}
 */
public record Transfer(Long fromAuthorId, Long toAuthorId, List<Long> bookIds) {

    /** Throws a 400 Bad Request problem naming every invalid field. */
    void validate() {
        new Validation()
                .require(fromAuthorId != null, "fromAuthorId", "is required")
                .require(toAuthorId != null, "toAuthorId", "is required")
                .require(fromAuthorId == null || !fromAuthorId.equals(toAuthorId), "toAuthorId",
                        "must differ from fromAuthorId")
                .require(bookIds != null && !bookIds.isEmpty() && !bookIds.contains(null), "bookIds",
                        "must list at least one book id")
                .check();
    }
}
