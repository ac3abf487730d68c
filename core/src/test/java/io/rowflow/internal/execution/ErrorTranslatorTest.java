package io.rowflow.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.rowflow.ConcurrencyFailureException;
import io.rowflow.DataAccessException;
import io.rowflow.DuplicateKeyException;
import io.rowflow.ForeignKeyViolationException;
import io.rowflow.IntegrityViolationException;
import io.rowflow.OptimisticLockException;
import io.rowflow.QueryTimeoutException;
import io.rowflow.RowflowException;
import org.junit.jupiter.api.Test;

/**
 * Translating driver failures into Rowflow's exceptions by SQLSTATE (and vendor code), with real
 * {@link R2dbcException} subclasses and no database.
 */
class ErrorTranslatorTest {

    private static final String SQL = "INSERT INTO \"customer\" (\"id\", \"email\") VALUES ($1, $2)";

    @Test
    void uniqueViolationIsDuplicateKeyCarryingTheSqlButNotTheValue() {
        R2dbcException driver = new R2dbcDataIntegrityViolationException(
                "Unique index or primary key violation: \"PUBLIC.CUSTOMER(EMAIL) VALUES ( /* 1 */ 'secret@x.org' )\"", "23505");

        RowflowException translated = ErrorTranslator.translate(driver, SQL);

        assertThat(translated).isExactlyInstanceOf(DuplicateKeyException.class).hasCause(driver);
        DataAccessException dataAccess = (DataAccessException) translated;
        assertThat(dataAccess.sql()).isEqualTo(SQL);
        assertThat(dataAccess.sqlState()).isEqualTo("23505");
        assertThat(dataAccess.isTransient()).isFalse();
        assertThat(dataAccess.getMessage()).contains(SQL).contains("[SQLSTATE 23505]").contains("Unique index")
                .doesNotContain("secret");
    }

    @Test
    void foreignKeyViolationsOfPostgresAndH2HaveTheirOwnType() {
        RowflowException postgres = ErrorTranslator.translate(new R2dbcDataIntegrityViolationException(
                "insert or update on table \"book\" violates foreign key constraint \"book_author_id_fkey\"", "23503"), SQL);
        RowflowException h2 = ErrorTranslator.translate(new R2dbcDataIntegrityViolationException(
                "Referential integrity constraint violation: \"FK: PUBLIC.BOOK FOREIGN KEY(AUTHOR_ID) REFERENCES "
                        + "PUBLIC.AUTHOR(ID) (CAST(777 AS BIGINT))\"", "23506"), SQL);

        assertThat(postgres).isExactlyInstanceOf(ForeignKeyViolationException.class).hasMessageContaining("book_author_id_fkey");
        assertThat(h2).isExactlyInstanceOf(ForeignKeyViolationException.class).hasMessageNotContaining("777");
        assertThat(((DataAccessException) h2).isTransient()).isFalse();
    }

    @Test
    void otherConstraintViolationsAreIntegrityViolations() {
        RowflowException notNull = ErrorTranslator.translate(new R2dbcDataIntegrityViolationException(
                "null value in column \"title\" of relation \"book\" violates not-null constraint", "23502"), SQL);
        RowflowException check = ErrorTranslator.translate(new R2dbcDataIntegrityViolationException(
                "new row for relation \"book\" violates check constraint \"book_pages_check\"", "23514"), SQL);

        assertThat(notNull).isExactlyInstanceOf(IntegrityViolationException.class);
        assertThat(check).isExactlyInstanceOf(IntegrityViolationException.class);
        assertThat(((DataAccessException) check).sqlState()).isEqualTo("23514");
    }

    @Test
    void serializationFailuresDeadlocksAndLockTimeoutsAreTransientConcurrencyFailures() {
        RowflowException serialization = ErrorTranslator.translate(new R2dbcRollbackException(
                "could not serialize access due to concurrent update", "40001"), SQL);
        RowflowException deadlock = ErrorTranslator.translate(new R2dbcTransientResourceException(
                "deadlock detected", "40P01"), SQL);
        RowflowException lockTimeout = ErrorTranslator.translate(new R2dbcNonTransientResourceException(
                "canceling statement due to lock timeout", "55P03"), SQL);
        RowflowException h2LockTimeout = ErrorTranslator.translate(new R2dbcTransientResourceException(
                "Timeout trying to lock table \"BOOK\"", "HYT00"), SQL);

        for (RowflowException translated : new RowflowException[]{serialization, deadlock, lockTimeout, h2LockTimeout}) {
            assertThat(translated).isExactlyInstanceOf(ConcurrencyFailureException.class);
            assertThat(((DataAccessException) translated).isTransient()).isTrue();
            assertThat(((DataAccessException) translated).sql()).isEqualTo(SQL);
        }
        assertThat(((DataAccessException) deadlock).sqlState()).isEqualTo("40P01");
    }

    @Test
    void statementTimeoutIsATransientQueryTimeout() {
        R2dbcException driver = new R2dbcTimeoutException("canceling statement due to statement timeout", "57014");

        RowflowException translated = ErrorTranslator.translate(driver, "SELECT pg_sleep($1)");

        assertThat(translated).isExactlyInstanceOf(QueryTimeoutException.class).hasCause(driver)
                .hasMessageContaining("SELECT pg_sleep($1)").hasMessageContaining("57014");
        assertThat(((DataAccessException) translated).isTransient()).isTrue();
    }

    @Test
    void otherFailuresArePlainDataAccessExceptions() {
        RowflowException grammar = ErrorTranslator.translate(new R2dbcBadGrammarException(
                "relation \"missing\" does not exist", "42P01"), "SELECT * FROM missing WHERE a = 'secret'");
        RowflowException conversion = ErrorTranslator.translate(new R2dbcBadGrammarException(
                "invalid input syntax for type integer: \"secret\"", "22P02"), SQL);

        assertThat(grammar).isExactlyInstanceOf(DataAccessException.class).hasMessageContaining("relation \"missing\"");
        assertThat(((DataAccessException) grammar).isTransient()).isFalse();
        assertThat(((DataAccessException) grammar).sqlState()).isEqualTo("42P01");
        assertThat(conversion).isExactlyInstanceOf(DataAccessException.class).hasMessageNotContaining("secret");
    }

    @Test
    void lostConnectionsAreTransient() {
        RowflowException broken = ErrorTranslator.translate(new R2dbcNonTransientResourceException(
                "terminating connection due to administrator command", "57P01"), SQL);
        RowflowException refused = ErrorTranslator.translate(new R2dbcNonTransientResourceException(
                "connection refused", "08001"), SQL);
        RowflowException withoutState = ErrorTranslator.translate(new R2dbcTransientResourceException("connection reset"), SQL);

        assertThat(broken).isExactlyInstanceOf(DataAccessException.class);
        assertThat(((DataAccessException) broken).isTransient()).isTrue();
        assertThat(((DataAccessException) refused).isTransient()).isTrue();
        assertThat(((DataAccessException) withoutState).isTransient()).isTrue();
        assertThat(((DataAccessException) withoutState).sqlState()).isNull();
    }

    @Test
    void mysqlVendorCodesAreUnderstood() {
        RowflowException duplicate = ErrorTranslator.translate(new R2dbcDataIntegrityViolationException(
                "Duplicate entry 'secret' for key 'email'", "23000", 1062), SQL);
        RowflowException foreignKey = ErrorTranslator.translate(new R2dbcDataIntegrityViolationException(
                "Cannot add or update a child row: a foreign key constraint fails", "23000", 1452), SQL);
        RowflowException deadlock = ErrorTranslator.translate(new R2dbcTransientResourceException(
                "Deadlock found when trying to get lock", "40001", 1213), SQL);

        assertThat(duplicate).isExactlyInstanceOf(DuplicateKeyException.class).hasMessageNotContaining("secret");
        assertThat(foreignKey).isExactlyInstanceOf(ForeignKeyViolationException.class);
        assertThat(deadlock).isExactlyInstanceOf(ConcurrencyFailureException.class);
    }

    @Test
    void rowflowExceptionsPassThroughUnchanged() {
        OptimisticLockException stale = new OptimisticLockException("stale");

        assertThat(ErrorTranslator.translate(stale, SQL)).isSameAs(stale);
    }

    @Test
    void nonDriverFailuresBecomeDataAccessExceptionsWithRedactedMessages() {
        IllegalArgumentException encoding = new IllegalArgumentException("Cannot encode parameter 'secret' of type Foo");

        RowflowException translated = ErrorTranslator.translate(encoding, SQL);

        assertThat(translated).isExactlyInstanceOf(DataAccessException.class).hasCause(encoding)
                .hasMessageContaining(SQL).hasMessageContaining("IllegalArgumentException").hasMessageNotContaining("secret");
        assertThat(((DataAccessException) translated).sqlState()).isNull();
        assertThat(((DataAccessException) translated).isTransient()).isFalse();
    }

    @Test
    void failureWithoutMessageOrSqlIsStillDescribed() {
        RowflowException translated = ErrorTranslator.translate(new R2dbcBadGrammarException(), null);

        assertThat(translated).isExactlyInstanceOf(DataAccessException.class).hasMessage("Database error");
        assertThat(((DataAccessException) translated).sql()).isNull();
    }
}
