/**
 * The entities of docs/generated-values.md: keys from a sequence, UUIDs and a generator of one's
 * own, and columns the database fills.
 */
package io.rowflow.examples.generated;
