/**
 * The dialect SPI and the dialects Rowflow ships: PostgreSQL and H2.
 */
@NullMarked
package io.rowflow.dialect;

import org.jspecify.annotations.NullMarked;
