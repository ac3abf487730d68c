package io.rowflow.examples.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The API's errors, as exceptions Spring renders as RFC 9457 problem details
 * ({@code application/problem+json}): status, title, detail, and for invalid requests an
 * {@code errors} object naming each invalid field.
 */
final class Problems {

    private Problems() {
    }

    /** 404 Not Found. */
    static ErrorResponseException notFound(String format, Object... args) {
        return problem(HttpStatus.NOT_FOUND, String.format(Locale.ROOT, format, args));
    }

    /** 409 Conflict: the request is valid but the data does not allow it now. */
    static ErrorResponseException conflict(String format, Object... args) {
        return problem(HttpStatus.CONFLICT, String.format(Locale.ROOT, format, args));
    }

    /** 400 Bad Request for one invalid field. */
    static ErrorResponseException invalid(String field, String message) {
        return invalid(Map.of(field, message));
    }

    /** 400 Bad Request listing the invalid fields. */
    static ErrorResponseException invalid(Map<String, String> errors) {
        ErrorResponseException exception = problem(HttpStatus.BAD_REQUEST, "The request is invalid: " + errors.keySet());
        exception.getBody().setProperty("errors", Collections.unmodifiableMap(new LinkedHashMap<>(errors)));
        return exception;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
