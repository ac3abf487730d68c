/**
 * The entities of docs/keys.md: a link table keyed by two {@code @Id} properties, and stock rows
 * keyed by one {@code @Id} record.
 */
package io.rowflow.examples.keys;
