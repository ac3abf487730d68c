package io.rowflow.test;

import io.rowflow.observe.OperationKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on {@link RecordedStatements}; start with
 * {@link RowflowAssertions#assertThat(RecordedStatements)}. Every failure message lists the
 * statements that were sent.
 *
 * @since 0.1
 */
public final class StatementsAssert extends AbstractAssert<StatementsAssert, RecordedStatements> {

    StatementsAssert(RecordedStatements actual) {
        super(actual, StatementsAssert.class);
    }

    /** Exactly this many statements were sent. */
    public StatementsAssert hasStatementCount(int expected) {
        isNotNull();
        if (actual.count() != expected) {
            failWithMessage("Expected %d statement(s) but %s", expected, actual);
        }
        return this;
    }

    /** Exactly this many statements of the kind were sent. */
    public StatementsAssert hasStatementCount(OperationKind kind, int expected) {
        isNotNull();
        if (actual.count(kind) != expected) {
            failWithMessage("Expected %d %s statement(s) but %s", expected, kind, actual);
        }
        return this;
    }

    /** Exactly this many statements named the table first (see {@link RecordedStatement#table()}). */
    public StatementsAssert hasStatementCountOnTable(String table, int expected) {
        isNotNull();
        int count = actual.countOnTable(table);
        if (count != expected) {
            failWithMessage("Expected %d statement(s) on table %s but there were %d; %s", expected, table, count, actual);
        }
        return this;
    }

    /** Exactly this many statements served the entity type. */
    public StatementsAssert hasStatementCountFor(Class<?> entityType, int expected) {
        isNotNull();
        int count = actual.count(statement -> entityType.equals(statement.entityType()));
        if (count != expected) {
            failWithMessage("Expected %d statement(s) for %s but there were %d; %s", expected, entityType.getName(), count,
                    actual);
        }
        return this;
    }

    /**
     * The statements had these shapes, in this order (see {@link RecordedStatement#shape()}); each
     * expected shape may be a part of the actual one, ignoring case.
     */
    public StatementsAssert hasShapes(String... expected) {
        isNotNull();
        List<String> shapes = actual.shapes();
        boolean matches = shapes.size() == expected.length;
        for (int i = 0; matches && i < expected.length; i++) {
            matches = shapes.get(i).toLowerCase(java.util.Locale.ROOT).contains(expected[i].toLowerCase(java.util.Locale.ROOT));
        }
        if (!matches) {
            failWithMessage("Expected statements shaped %s but %s", Arrays.toString(expected), actual);
        }
        return this;
    }

    /**
     * No statement shape was sent more than {@code times} times: the N+1 check. Fails naming each
     * shape that was, with its count.
     */
    public StatementsAssert hasNoShapeRepeatedMoreThan(int times) {
        isNotNull();
        Map<String, Integer> repeated = actual.shapesRepeatedMoreThan(times);
        if (!repeated.isEmpty()) {
            failWithMessage("Expected no statement shape more than %d times (N+1) but %s; %s", times, repeated, actual);
        }
        return this;
    }

    /** Every statement ran inside a transaction. */
    public StatementsAssert allInTransaction() {
        isNotNull();
        if (actual.count(statement -> !statement.inTransaction()) != 0) {
            failWithMessage("Expected every statement inside a transaction but %s", actual);
        }
        return this;
    }
}
