package io.rowflow.reliability;

/** A class without {@code @Table}, passed to insert by mistake. */
public record Unmapped(Long id, String name) {
}
