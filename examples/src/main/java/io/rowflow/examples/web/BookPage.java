package io.rowflow.examples.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the books ordered by title: the books, and the cursor of the next page ({@code null}
 * on the last page). Pass {@code next} back as {@code ?after=} to read on.
 */
public record BookPage(List<BookView> items, @Nullable String next) {
}
