package io.rowflow.internal.schema;

import org.jspecify.annotations.Nullable;

/**
 * A column as the database's catalog describes it.
 *
 * @param name the column name
 * @param dataType {@code information_schema.columns.data_type}, lower case ({@code integer},
 *                 {@code character varying}, {@code user-defined}, {@code array}, {@code enum}...)
 * @param namedType the database's own name of the type where the catalog gives one: PostgreSQL's
 *                  {@code udt_name} of enums and arrays ({@code mpaa_rating}, {@code _int4}) or a
 *                  domain's name; {@code null} otherwise
 * @param nullable whether the column accepts {@code NULL}
 */
record CatalogColumn(String name, String dataType, @Nullable String namedType, boolean nullable) {
}
