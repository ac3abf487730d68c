/**
 * Internal: global filters, soft delete and the tenant discriminator, as conditions the SQL writer
 * adds to every read of an entity and as checks on the entities written.
 */
@NullMarked
package io.rowflow.internal.filter;

import org.jspecify.annotations.NullMarked;
