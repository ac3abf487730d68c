package io.rowflow.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Type names compared by family and integer width, as schema validation compares them. */
class TypeFamilyTest {

    @Test
    void textAcceptsEveryDatabasesSpellingAndEnums() {
        assertThat(TypeFamily.accepts("text", "character varying")).isTrue();
        assertThat(TypeFamily.accepts("longtext", "varchar(40)")).isTrue();
        assertThat(TypeFamily.accepts("character varying", "CHARACTER LARGE OBJECT")).isTrue();
        assertThat(TypeFamily.accepts("text", "enum")).isTrue();
        assertThat(TypeFamily.accepts("integer", "character varying")).isFalse();
    }

    @Test
    void integersMayBeNarrowerButNotWider() {
        assertThat(TypeFamily.accepts("bigint", "integer")).isTrue();
        assertThat(TypeFamily.accepts("integer", "smallint")).isTrue();
        assertThat(TypeFamily.accepts("integer", "bigint")).isFalse();
        assertThat(TypeFamily.accepts("boolean", "tinyint")).as("MariaDB's boolean").isTrue();
    }

    @Test
    void temporalTypesKeepTheirZoneAndPrecisionDoesNotMatter() {
        assertThat(TypeFamily.accepts("timestamp(6) with time zone", "timestamp with time zone")).isTrue();
        assertThat(TypeFamily.accepts("datetime(6)", "datetime")).isTrue();
        assertThat(TypeFamily.accepts("timestamp(6)", "date")).isFalse();
        assertThat(TypeFamily.accepts("timestamp(6) with time zone", "timestamp without time zone")).isFalse();
    }

    @Test
    void typesOfNoKnownFamilyMustBeSpelledTheSame() {
        assertThat(TypeFamily.accepts("inet", "inet")).isTrue();
        assertThat(TypeFamily.accepts("inet", "cidr")).isFalse();
        assertThat(TypeFamily.of("integer[]")).isEqualTo(TypeFamily.ARRAY);
        assertThat(TypeFamily.normalized("numeric(12, 2) unsigned")).isEqualTo("numeric");
    }
}
