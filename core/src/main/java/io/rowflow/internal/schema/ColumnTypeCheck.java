package io.rowflow.internal.schema;

import io.rowflow.dialect.Dialect;
import io.rowflow.internal.mapping.MappedColumn;
import org.jspecify.annotations.Nullable;

/**
 * Whether a column's catalog type can hold a property. A declared type ({@code @Column(type = ...)})
 * must be the column's own named type (a PostgreSQL enum, domain or array of them) where the
 * catalog names one; otherwise the family of the type Rowflow would create for the property
 * ({@link Dialect#columnType}) must accept the column's family. A PostgreSQL enum column mapped
 * without a declared type is a problem, since no value could be bound to it.
 */
final class ColumnTypeCheck {

    private ColumnTypeCheck() {
    }

    /** A description of the mismatch, or {@code null} when the column can hold the property. */
    static @Nullable String problem(MappedColumn column, CatalogColumn found, Dialect dialect) {
        String derived = dialect.columnType(column.storedType(), column.length(), column.precision(), column.scale());
        String declared = column.databaseType();
        String actual = describe(found);
        if (declared != null) {
            if (found.namedType() != null) {
                return sameName(declared, found.namedType()) ? null
                        : "the mapping declares type " + declared + ", but the column has type " + actual;
            }
            return TypeFamily.accepts(declared, found.dataType()) || TypeFamily.accepts(derived, found.dataType()) ? null
                    : "the mapping declares type " + declared + ", but the column has type " + actual;
        }
        if (found.dataType().equals("user-defined")) {
            return "the column has the database's own type " + actual + "; declare it once with @Column(type = \""
                    + actual + "\") so that values are bound as that type";
        }
        if (TypeFamily.of(found.dataType()) == TypeFamily.ARRAY) {
            return arrayProblem(column, derived, found);
        }
        return TypeFamily.accepts(derived, found.dataType()) ? null
                : javaType(column) + " cannot be stored in a column of type " + actual + " (expected " + derived + ")";
    }

    private static @Nullable String arrayProblem(MappedColumn column, String derived, CatalogColumn found) {
        if (TypeFamily.of(derived) != TypeFamily.ARRAY) {
            return javaType(column) + " cannot be stored in the array column of type " + describe(found);
        }
        String element = found.namedType() == null ? null : found.namedType().replaceFirst("^_", "");
        return element == null || TypeFamily.accepts(derived.replace("[]", ""), element) ? null
                : javaType(column) + " cannot be stored in a column of type " + element + "[] (expected " + derived + ")";
    }

    /** The column's type as a user would write it: {@code mpaa_rating}, {@code int4[]}, {@code integer}. */
    private static String describe(CatalogColumn found) {
        String named = found.namedType();
        if (named == null) {
            return found.dataType();
        }
        return found.dataType().equals("array") && named.startsWith("_") ? named.substring(1) + "[]" : named;
    }

    private static boolean sameName(String declared, String named) {
        String wanted = TypeFamily.normalized(declared);
        wanted = wanted.substring(wanted.lastIndexOf('.') + 1);
        boolean array = declared.trim().endsWith("]");
        String found = array && named.startsWith("_") ? named.substring(1) : named;
        return wanted.equalsIgnoreCase(TypeFamily.normalized(found));
    }

    private static String javaType(MappedColumn column) {
        return "its Java type " + column.javaType().getSimpleName();
    }
}
