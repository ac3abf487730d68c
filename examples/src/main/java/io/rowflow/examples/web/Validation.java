package io.rowflow.examples.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the invalid fields of a request; {@link #check()} turns them into a 400 Bad Request. */
final class Validation {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Records {@code message} for {@code field} unless {@code valid}. */
    Validation require(boolean valid, String field, String message) {
        if (!valid) {
            errors.putIfAbsent(field, message);
        }
        return this;
    }

    /** Throws the 400 Bad Request problem if any field was invalid. */
    void check() {
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
