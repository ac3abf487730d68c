/**
 * The entities of docs/existing-schema.md: a DVD-rental catalogue whose schema a DBA wrote by hand,
 * mapped as it is.
 */
@NullMarked
package io.rowflow.examples.rental;

import org.jspecify.annotations.NullMarked;
