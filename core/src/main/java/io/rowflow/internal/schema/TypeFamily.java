package io.rowflow.internal.schema;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups the type names databases use (in DDL and in {@code information_schema}) into families
 * whose members hold the same Java values, so that a mapping is compared with a column by meaning,
 * not spelling: {@code character varying}, {@code text} and {@code longtext} are all text.
 * Integers carry their width, so a {@code Long} property on an {@code integer} column passes while
 * an {@code Integer} property on a {@code bigint} column does not.
 */
enum TypeFamily {
    TEXT, INTEGER, DECIMAL, FLOAT, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_ZONE, UUID, BINARY,
    INTERVAL, JSON, ENUM, ARRAY, OTHER;

    private static final Map<String, TypeFamily> NAMES = Map.ofEntries(
            Map.entry("character varying", TEXT), Map.entry("varchar", TEXT), Map.entry("character", TEXT),
            Map.entry("char", TEXT), Map.entry("text", TEXT), Map.entry("tinytext", TEXT), Map.entry("mediumtext", TEXT),
            Map.entry("longtext", TEXT), Map.entry("clob", TEXT), Map.entry("character large object", TEXT),
            Map.entry("bpchar", TEXT), Map.entry("nvarchar", TEXT),
            Map.entry("tinyint", INTEGER), Map.entry("smallint", INTEGER), Map.entry("mediumint", INTEGER),
            Map.entry("integer", INTEGER), Map.entry("int", INTEGER), Map.entry("bigint", INTEGER),
            Map.entry("int2", INTEGER), Map.entry("int4", INTEGER), Map.entry("int8", INTEGER),
            Map.entry("numeric", DECIMAL), Map.entry("decimal", DECIMAL), Map.entry("decfloat", DECIMAL),
            Map.entry("real", FLOAT), Map.entry("float", FLOAT), Map.entry("float4", FLOAT), Map.entry("float8", FLOAT),
            Map.entry("double", FLOAT), Map.entry("double precision", FLOAT),
            Map.entry("boolean", BOOLEAN), Map.entry("bool", BOOLEAN), Map.entry("bit", BOOLEAN),
            Map.entry("date", DATE),
            Map.entry("time", TIME), Map.entry("time without time zone", TIME),
            Map.entry("timestamp", TIMESTAMP), Map.entry("timestamp without time zone", TIMESTAMP),
            Map.entry("datetime", TIMESTAMP),
            Map.entry("timestamp with time zone", TIMESTAMP_WITH_ZONE), Map.entry("timestamptz", TIMESTAMP_WITH_ZONE),
            Map.entry("uuid", UUID),
            Map.entry("bytea", BINARY), Map.entry("blob", BINARY), Map.entry("tinyblob", BINARY),
            Map.entry("mediumblob", BINARY), Map.entry("longblob", BINARY), Map.entry("binary", BINARY),
            Map.entry("varbinary", BINARY), Map.entry("binary varying", BINARY), Map.entry("binary large object", BINARY),
            Map.entry("interval", INTERVAL), Map.entry("json", JSON), Map.entry("jsonb", JSON),
            Map.entry("enum", ENUM), Map.entry("array", ARRAY));

    private static final Map<String, Integer> INTEGER_BYTES = Map.of("tinyint", 1, "smallint", 2, "int2", 2,
            "mediumint", 3, "integer", 4, "int", 4, "int4", 4, "bigint", 8, "int8", 8);

    /** Column families a property of this family may also be stored in: (expected, actual) pairs. */
    private static final Map<TypeFamily, Set<TypeFamily>> ALSO_ACCEPTED = Map.of(
            TEXT, Set.of(ENUM, JSON),
            JSON, Set.of(TEXT),
            UUID, Set.of(TEXT),
            DECIMAL, Set.of(INTEGER),
            FLOAT, Set.of(DECIMAL, INTEGER),
            BOOLEAN, Set.of(INTEGER));

    /** The family of a type name such as {@code character varying(20)} or {@code integer[]}. */
    static TypeFamily of(String typeName) {
        String name = normalized(typeName);
        if (typeName.trim().endsWith("]")) {
            return ARRAY;
        }
        return NAMES.getOrDefault(name, OTHER);
    }

    /**
     * Whether a column whose catalog type is {@code actual} can hold the values a property stored as
     * {@code expected} (a DDL type name) binds and reads.
     */
    static boolean accepts(String expected, String actual) {
        TypeFamily wanted = of(expected);
        TypeFamily found = of(actual);
        if (wanted == INTEGER && found == INTEGER) {
            return bytes(actual) <= bytes(expected);
        }
        if (wanted == OTHER || found == OTHER) {
            return normalized(expected).equals(normalized(actual));
        }
        return wanted == found || ALSO_ACCEPTED.getOrDefault(wanted, Set.of()).contains(found);
    }

    /** Lower case, without a length or precision and without array brackets. */
    static String normalized(String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT).replace("[]", "").trim();
        int parenthesis = name.indexOf('(');
        if (parenthesis >= 0) {
            int close = name.indexOf(')', parenthesis);
            name = (name.substring(0, parenthesis) + (close < 0 ? "" : name.substring(close + 1))).trim();
        }
        return name.replaceAll("\\s+", " ").replace(" unsigned", "");
    }

    private static int bytes(String typeName) {
        return INTEGER_BYTES.getOrDefault(normalized(typeName), 8);
    }
}
