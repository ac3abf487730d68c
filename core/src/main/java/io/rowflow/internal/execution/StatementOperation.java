package io.rowflow.internal.execution;

import io.rowflow.observe.Operation;
import io.rowflow.observe.OperationKind;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Operation} of one statement: its shape, the SQL sent and the database system. Built
 * only when someone looks at it (a listener, or a connection provider that asks).
 */
final class StatementOperation implements Operation {

    /**
     * The shape of an operation Rowflow described: an object identical for every statement of the
     * same kind, entity, relationship and placement, for a listener to cache what it derives from
     * one; {@code null} for an operation described elsewhere.
     */
    static @Nullable Object shapeOf(Operation operation) {
        return operation instanceof StatementOperation statement ? statement.shape : null;
    }

    private final OperationShape shape;
    private final String sql;
    private final String databaseSystem;
    private @Nullable String redacted;

    StatementOperation(OperationShape shape, String sql, String databaseSystem) {
        this.shape = shape;
        this.sql = sql;
        this.databaseSystem = databaseSystem;
    }

    /** The {@code db.system} name of a dialect. */
    static String databaseSystem(String dialectName) {
        return switch (dialectName) {
            case "PostgreSQL" -> "postgresql";
            case "MariaDB" -> "mariadb";
            case "H2" -> "h2";
            default -> dialectName.toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public OperationKind kind() {
        return shape.kind();
    }

    @Override
    public @Nullable Class<?> entityType() {
        return shape.entityType();
    }

    @Override
    public @Nullable String relationship() {
        return shape.relationship();
    }

    @Override
    public boolean coalesced() {
        return shape.coalesced();
    }

    @Override
    public boolean inTransaction() {
        return shape.inTransaction();
    }

    @Override
    public boolean readOnly() {
        return shape.readOnly();
    }

    /** Rowflow's own SQL holds bind markers only; a user's raw SQL may hold literals, which are masked. */
    @Override
    public String sql() {
        if (shape.kind() != OperationKind.SQL) {
            return sql;
        }
        String masked = redacted;
        if (masked == null) {
            masked = SqlRedactor.redact(sql);
            redacted = masked;
        }
        return masked;
    }

    @Override
    public String databaseSystem() {
        return databaseSystem;
    }

    @Override
    public String toString() {
        return "Operation[" + shape + ": " + sql() + "]";
    }
}
