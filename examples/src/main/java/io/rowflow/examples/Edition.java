package io.rowflow.examples;

/**
 * A value object embedded in {@link Book}: its properties become columns of the book's table
 * ({@code first_edition_publisher}, {@code first_edition_year}).
 */
public record Edition(String publisher, Integer year) {
}
