package io.rowflow.test;

/**
 * Entry point of Rowflow's AssertJ assertions: {@code assertThat(recorded).hasStatementCount(2)}.
 *
 * @since 0.1
 */
public final class RowflowAssertions {

    private RowflowAssertions() {
    }

    /** Assertions on the statements a piece of work sent. */
    public static StatementsAssert assertThat(RecordedStatements actual) {
        return new StatementsAssert(actual);
    }
}
