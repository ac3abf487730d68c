/**
 * The dialect SPI ({@link io.rowflow.dialect.Dialect} and its {@link io.rowflow.dialect.Feature}s)
 * and the dialects Rowflow ships: PostgreSQL, H2 and MariaDB.
 */
@NullMarked
package io.rowflow.dialect;

import org.jspecify.annotations.NullMarked;
