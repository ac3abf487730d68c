package io.rowflow.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Masking values in driver messages. The messages are the ones H2 2.x and PostgreSQL 15 really
 * report for these failures.
 */
class SqlRedactorTest {

    @Test
    void masksTheRowH2ShowsForAUniqueIndex() {
        String message = "Unique index or primary key violation: \"public.CONSTRAINT_2C INDEX public.CONSTRAINT_INDEX_2 "
                + "ON public.customer(email NULLS FIRST) VALUES ( /* 1 */ 'secret@x.org' )\"; SQL statement:\n"
                + "insert into customer (id, email) values (2, 'secret@x.org') [23505-240]";

        String redacted = SqlRedactor.redact(message);

        assertThat(redacted).doesNotContain("secret")
                .isEqualTo("Unique index or primary key violation: \"public.CONSTRAINT_2C INDEX public.CONSTRAINT_INDEX_2 "
                        + "ON public.customer(email NULLS FIRST) VALUES (?)\"; SQL statement:\n"
                        + "insert into customer (id, email) values (?) [23505-240]");
    }

    @Test
    void masksTheRowAndKeyH2ShowsForAPrimaryKey() {
        String bigint = "Unique index or primary key violation: \"public.CONSTRAINT_2 PRIMARY KEY ON public.customer(id) "
                + "( /* key:4711 */ CAST(4711 AS BIGINT), 'secret@x.org', NULL)\"; SQL statement:\n"
                + "INSERT INTO \"customer\" (\"id\", \"email\") VALUES ($1, $2) [23505-240]";
        String integer = "Unique index or primary key violation: \"public.CONSTRAINT_2 PRIMARY KEY ON public.customer(id) "
                + "( /* key:4711 */ 4711, 'secret@x.org', NULL)\"";

        assertThat(SqlRedactor.redact(bigint)).doesNotContain("secret").doesNotContain("4711")
                .isEqualTo("Unique index or primary key violation: \"public.CONSTRAINT_2 PRIMARY KEY ON public.customer(id) "
                        + "(?)\"; SQL statement:\nINSERT INTO \"customer\" (\"id\", \"email\") VALUES ($1, $2) [23505-240]");
        assertThat(SqlRedactor.redact(integer)).doesNotContain("secret").doesNotContain("4711").endsWith("(id) (?)\"");
    }

    @Test
    void masksTheMissingKeyH2ShowsForAForeignKey() {
        String bigint = "Referential integrity constraint violation: \"CONSTRAINT_7C: public.book FOREIGN KEY(author_id) "
                + "REFERENCES public.author(id) (CAST(424242 AS BIGINT))\"";
        String integer = "Referential integrity constraint violation: \"CONSTRAINT_7C: public.book FOREIGN KEY(author_id) "
                + "REFERENCES public.author(id) (424242)\"";

        assertThat(SqlRedactor.redact(bigint)).isEqualTo("Referential integrity constraint violation: \"CONSTRAINT_7C: "
                + "public.book FOREIGN KEY(author_id) REFERENCES public.author(id) (?)\"");
        assertThat(SqlRedactor.redact(integer)).doesNotContain("424242").endsWith("REFERENCES public.author(id) (?)\"");
    }

    @Test
    void masksValuesH2CouldNotConvertOrStore() {
        assertThat(SqlRedactor.redact("Data conversion error converting \"'secret-id' (customer: \"\"id\"\" INTEGER NOT NULL)\"; "
                + "SQL statement:\ninsert into customer (id) values ($1) [22018-240]"))
                .isEqualTo("Data conversion error converting \"?\"; SQL statement:\n"
                        + "insert into customer (id) values ($1) [22018-240]");
        assertThat(SqlRedactor.redact("Data conversion error converting \"secretnum\""))
                .isEqualTo("Data conversion error converting \"?\"");
        assertThat(SqlRedactor.redact("Value too long for column \"tag CHARACTER VARYING(5)\": \"'secretlong' (10)\""))
                .isEqualTo("Value too long for column \"tag CHARACTER VARYING(5)\": \"'?' (10)\"");
    }

    @Test
    void masksInputPostgresCouldNotParse() {
        assertThat(SqlRedactor.redact("invalid input syntax for type uuid: \"secret-uuid\""))
                .isEqualTo("invalid input syntax for type uuid: \"?\"");
        assertThat(SqlRedactor.redact("invalid input syntax for type timestamp with time zone: \"secret\""))
                .isEqualTo("invalid input syntax for type timestamp with time zone: \"?\"");
        assertThat(SqlRedactor.redact("invalid input value for enum mood: \"secret\""))
                .isEqualTo("invalid input value for enum mood: \"?\"");
        assertThat(SqlRedactor.redact("value \"99999999999\" is out of range for type integer"))
                .isEqualTo("value \"?\" is out of range for type integer");
        assertThat(SqlRedactor.redact("date/time field value out of range: \"2024-13-45\""))
                .isEqualTo("date/time field value out of range: \"?\"");
    }

    @Test
    void masksEveryRowOfAMultiRowValuesListButKeepsBindMarkers() {
        assertThat(SqlRedactor.redact("insert into t (id, name) values (1, 'a'), (2, f('b')), (3, 'c') [23505-240]"))
                .isEqualTo("insert into t (id, name) values (?) [23505-240]");
        assertThat(SqlRedactor.redact("INSERT INTO \"t\" (\"id\", \"name\") VALUES ($1, $2), ($3, $4)"))
                .isEqualTo("INSERT INTO \"t\" (\"id\", \"name\") VALUES ($1, $2), ($3, $4)");
        assertThat(SqlRedactor.redact("insert into t values (?, ?)")).isEqualTo("insert into t values (?, ?)");
    }

    @Test
    void masksKeyDetails() {
        assertThat(SqlRedactor.redact("Key (email)=(secret@x.org) already exists."))
                .isEqualTo("Key (email)=(?) already exists.");
        assertThat(SqlRedactor.redact("Key (a, b)=(1, f(x)) is not present in table \"t\"."))
                .isEqualTo("Key (a, b)=(?) is not present in table \"t\".");
    }

    @Test
    void masksLiteralsWithEscapedQuotesAndLineBreaks() {
        assertThat(SqlRedactor.redact("bad value 'it''s\nsecret' and 'another'")).isEqualTo("bad value '?' and '?'");
    }

    @Test
    void keepsIdentifiersAndMessagesWithoutValues() {
        String postgres = "duplicate key value violates unique constraint \"customer_email_key\"";
        String notNull = "null value in column \"tag\" of relation \"scratch_child\" violates not-null constraint";
        String typeMismatch = "column \"id\" is of type integer but expression is of type character varying";

        assertThat(SqlRedactor.redact(postgres)).isEqualTo(postgres);
        assertThat(SqlRedactor.redact(notNull)).isEqualTo(notNull);
        assertThat(SqlRedactor.redact(typeMismatch)).isEqualTo(typeMismatch);
        assertThat(SqlRedactor.redact("INSERT INTO \"book\" (\"title\") VALUES ($1) RETURNING \"id\""))
                .isEqualTo("INSERT INTO \"book\" (\"title\") VALUES ($1) RETURNING \"id\"");
    }

    @Test
    void aThousandRowInsertInTheMessageIsMaskedWithoutOverflowingTheStack() {
        StringBuilder markers = new StringBuilder("NULL not allowed for column \"NAME\"; SQL statement: INSERT INTO author (name, born) VALUES ");
        StringBuilder literals = new StringBuilder("INSERT INTO t (id, name) VALUES ");
        for (int i = 0; i < 5_000; i++) {
            markers.append(i == 0 ? "" : ", ").append("($").append(2 * i + 1).append(", $").append(2 * i + 2).append(')');
            literals.append(i == 0 ? "" : ", ").append('(').append(i).append(", 'secret").append(i).append("')");
        }
        String longLiteral = "value 'x" + "y".repeat(100_000) + "' and \"" + "z".repeat(100_000) + "\"";

        assertThat(SqlRedactor.redact(markers.toString())).isEqualTo(markers.toString());
        assertThat(SqlRedactor.redact(literals + " [23502-240]")).isEqualTo("INSERT INTO t (id, name) VALUES (?) [23502-240]");
        assertThat(SqlRedactor.redact(longLiteral)).startsWith("value '?' and");
    }
}
