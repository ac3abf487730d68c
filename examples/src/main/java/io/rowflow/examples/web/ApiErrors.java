package io.rowflow.examples.web;

import io.rowflow.IntegrityViolationException;
import io.rowflow.OptimisticLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders errors as RFC 9457 problem details: the API's own (404, 409, 400 with the invalid
 * fields), Spring's (an unreadable body or a malformed path variable is a 400), and Rowflow's
 * conflicts (a violated constraint or a lost optimistic lock is a 409).
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    /** A write that breaks a constraint, such as a duplicate key or a missing referenced row. */
    @ExceptionHandler(IntegrityViolationException.class)
    public ProblemDetail integrityViolation(IntegrityViolationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The change conflicts with the stored data");
    }

    /** An update of a row that changed since it was read. */
    @ExceptionHandler(OptimisticLockException.class)
    public ProblemDetail optimisticLock(OptimisticLockException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The data changed meanwhile; read it again");
    }
}
