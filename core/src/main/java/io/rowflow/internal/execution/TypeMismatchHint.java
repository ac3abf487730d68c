package io.rowflow.internal.execution;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a database refusing a bound value for a column of a type of its own (a PostgreSQL
 * enum or similar, an H2 {@code ENUM}) and says how to fix the mapping: declare the type once with
 * {@code @Column(type = ...)}, so Rowflow casts every bind of the column.
 */
final class TypeMismatchHint {

    /** PostgreSQL 42804: {@code column "rating" is of type mpaa_rating but expression is of type ...}. */
    private static final Pattern POSTGRES_COLUMN = Pattern.compile("column \"([^\"]+)\" is of type ([\\w.\\[\\]]+) but expression");
    /** PostgreSQL 42883: {@code operator does not exist: mpaa_rating = character varying}. */
    private static final Pattern POSTGRES_OPERATOR = Pattern.compile("operator does not exist: ([\\w.\\[\\]]+) \\S+ character varying");

    /** H2 22018: {@code Data conversion error converting "'R' (film: ""rating"" ENUM('G', ...))"}. */
    private static final Pattern H2_ENUM = Pattern.compile("\"\"([^\"]+)\"\" ENUM\\(");

    private TypeMismatchHint() {
    }

    /** The hint to append to the driver's message, or {@code null} when the failure is not such a mismatch. */
    static @Nullable String of(@Nullable String state, @Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher column = POSTGRES_COLUMN.matcher(message);
        if ("42804".equals(state) && column.find() && message.contains("character varying")) {
            return declare("column '" + column.group(1) + "'", column.group(2));
        }
        Matcher operator = POSTGRES_OPERATOR.matcher(message);
        if ("42883".equals(state) && operator.find()) {
            return declare("the compared column", operator.group(1));
        }
        Matcher enumColumn = H2_ENUM.matcher(message);
        if ("22018".equals(state) && enumColumn.find()) {
            return declare("column '" + enumColumn.group(1) + "'", "<the enum type's name>");
        }
        return null;
    }

    private static String declare(String subject, String type) {
        return " (" + subject + " has a database type of its own; declare it once on the property with "
                + "@Column(type = \"" + type + "\") so that Rowflow binds values as that type)";
    }
}
