/**
 * Test support for code that uses Rowflow, for JUnit 5 and AssertJ: rollback-only test
 * transactions ({@link io.rowflow.test.RollbackOnly}, {@link io.rowflow.test.TestTransactions}),
 * statement recording and assertions with an N+1 detector ({@link io.rowflow.test.StatementRecorder},
 * {@link io.rowflow.test.RowflowAssertions}), and the choice of the databases to test against
 * ({@link io.rowflow.test.TestDatabases}). Add {@code io.rowflow:rowflow-test} with test scope.
 */
@NullMarked
package io.rowflow.test;

import org.jspecify.annotations.NullMarked;
