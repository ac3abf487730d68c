/**
 * Internal: bulk inserts through PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)}: the
 * binary row encoding of the types Rowflow maps, the rule deciding per entity whether every column
 * can be encoded (otherwise the insert stays an {@code unnest} statement), and the bridge to
 * r2dbc-postgresql's {@code copyIn}, the only code in core compiled against the driver.
 */
@NullMarked
package io.rowflow.internal.copy;

import org.jspecify.annotations.NullMarked;
