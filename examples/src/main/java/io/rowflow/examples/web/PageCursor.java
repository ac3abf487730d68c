package io.rowflow.examples.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a keyset page ends: the sort keys of its last book (title, then id), encoded as an opaque,
 * URL-safe string so clients cannot depend on its shape.
 */
record PageCursor(String title, long id) {

    /** The cursor pointing after this book. */
    static PageCursor after(BookView book) {
        return new PageCursor(book.title(), book.id());
    }

    /** The URL-safe form. */
    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((id + ":" + title).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor made by {@link #encode()}; a malformed one is a 400 Bad Request. */
    static PageCursor decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return new PageCursor(decoded.substring(colon + 1), Long.parseLong(decoded.substring(0, colon)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw Problems.invalid("after", "is not a cursor returned as 'next' by this API");
        }
    }
}
