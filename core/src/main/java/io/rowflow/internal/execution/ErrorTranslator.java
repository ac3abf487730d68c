package io.rowflow.internal.execution;

import io.rowflow.ConcurrencyFailureException;
import io.rowflow.DataAccessException;
import io.rowflow.DuplicateKeyException;
import io.rowflow.ForeignKeyViolationException;
import io.rowflow.IntegrityViolationException;
import io.rowflow.QueryTimeoutException;
import io.rowflow.RowflowException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one place where driver failures become Rowflow exceptions. Decides by SQLSTATE (and the
 * vendor code where SQLSTATE is ambiguous), never by the driver's exception class, which is too
 * coarse (r2dbc-postgresql raises timeouts, lock timeouts and aborted transactions as one class).
 */
public final class ErrorTranslator {

    private static final Set<String> CONCURRENCY_STATES = Set.of("40001", "40P01", "55P03", "40XL1", "40XL2", "HYT00");
    private static final Set<Integer> MYSQL_DUPLICATE = Set.of(1062, 1586);
    private static final Set<Integer> MYSQL_FOREIGN_KEY = Set.of(1451, 1452, 1216, 1217);
    private static final Set<Integer> MYSQL_CONCURRENCY = Set.of(1205, 1213);

    private ErrorTranslator() {
    }

    /**
     * Translates a failure of the given statement. Rowflow's own exceptions pass through; anything
     * else becomes a {@link DataAccessException} (or a subtype) carrying the SQL, never its values.
     */
    public static RowflowException translate(Throwable error, @Nullable String sql) {
        if (error instanceof RowflowException rowflow) {
            return rowflow;
        }
        if (!(error instanceof R2dbcException driver)) {
            return new DataAccessException(describe(error.toString(), null, sql, null), sql, null, false, error);
        }
        String state = driver.getSqlState();
        int code = driver.getErrorCode();
        String message = describe(driver.getMessage(), state, sql, TypeMismatchHint.of(state, driver.getMessage()));
        if ("23505".equals(state) || MYSQL_DUPLICATE.contains(code)) {
            return new DuplicateKeyException(message, sql, state, error);
        }
        if ("23503".equals(state) || "23506".equals(state) || MYSQL_FOREIGN_KEY.contains(code)) {
            return new ForeignKeyViolationException(message, sql, state, error);
        }
        if (state != null && state.startsWith("23")) {
            return new IntegrityViolationException(message, sql, state, error);
        }
        if (state != null && CONCURRENCY_STATES.contains(state) || MYSQL_CONCURRENCY.contains(code)) {
            return new ConcurrencyFailureException(message, sql, state, error);
        }
        if ("57014".equals(state) || "70100".equals(state) || code == 1969 || code == 3024) {
            return new QueryTimeoutException(message, sql, state, error);
        }
        boolean transientFailure = error instanceof R2dbcTransientException
                || state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || state.equals("53300"));
        return new DataAccessException(message, sql, state, transientFailure, error);
    }

    /**
     * Whether a failure means the connection itself is gone (SQLSTATE class 08, or the server
     * shutting the session down), so it must not be used again.
     */
    public static boolean isConnectionLost(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            String state = current instanceof DataAccessException dataAccess ? dataAccess.sqlState()
                    : current instanceof R2dbcException driver ? driver.getSqlState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure means the connection broke: {@link #isConnectionLost}, or a driver failure
     * without SQLSTATE from the transport (the socket closed under the driver, which reports it
     * without a server message).
     */
    public static boolean isConnectionBroken(Throwable error) {
        if (isConnectionLost(error)) {
            return true;
        }
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof java.io.IOException || current instanceof R2dbcNonTransientResourceException driver
                    && (driver.getSqlState() == null || driver.getSqlState().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Translates a failure to obtain a connection: a pool's acquire timeout, a refused or lost
     * connection. Always transient, since a later attempt may find a free or healthy connection.
     */
    public static RowflowException connectionFailure(Throwable error) {
        if (error instanceof RowflowException rowflow) {
            return rowflow;
        }
        String state = error instanceof R2dbcException driver ? driver.getSqlState() : null;
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : SqlRedactor.redact(error.getMessage());
        return new DataAccessException("Could not obtain a database connection: " + reason, null, state, true, error);
    }

    /** The driver's message with values redacted, then Rowflow's hint (which holds no values), SQLSTATE and SQL. */
    private static String describe(@Nullable String driverMessage, @Nullable String state, @Nullable String sql,
                                   @Nullable String hint) {
        StringBuilder message = new StringBuilder();
        message.append(driverMessage == null ? "Database error" : SqlRedactor.redact(driverMessage));
        if (hint != null) {
            message.append(hint);
        }
        if (state != null && !state.isEmpty()) {
            message.append(" [SQLSTATE ").append(state).append(']');
        }
        if (sql != null) {
            message.append(" while executing: ").append(sql);
        }
        return message.toString();
    }
}
