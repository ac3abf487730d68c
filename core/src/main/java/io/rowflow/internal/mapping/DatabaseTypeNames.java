package io.rowflow.internal.mapping;

import io.rowflow.MappingException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks the database type declared with {@code @Column(type = ...)} or {@code EntityMapping.databaseType}. The name goes into SQL text (as a
 * cast and in DDL), so only type-name syntax is accepted: an optionally schema-qualified name of
 * letters, digits and {@code _}, words separated by single spaces ({@code double precision}), an
 * optional length such as {@code (20)} and {@code []} suffixes.
 */
final class DatabaseTypeNames {

    private static final Pattern TYPE_NAME = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?( [A-Za-z_][A-Za-z0-9_]*)*(\\([0-9]+(, ?[0-9]+)?\\))?(\\[])*");

    private DatabaseTypeNames() {
    }

    /** The declared type of the column, or {@code null} when none was declared. */
    static @Nullable String declared(@Nullable String declared, String where) {
        if (declared == null || declared.isEmpty()) {
            return null;
        }
        String type = declared.trim();
        if (!TYPE_NAME.matcher(type).matches()) {
            throw new MappingException(where + ": '" + declared + "' is not a valid database type name for "
                    + "@Column(type = ...) (a name such as mpaa_rating, schema.name or double precision, "
                    + "optionally followed by (n) and [])");
        }
        return type;
    }
}
