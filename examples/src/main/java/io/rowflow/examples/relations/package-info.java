/**
 * The entities of docs/relationships.md: writers, novels, reviews and subjects.
 */
package io.rowflow.examples.relations;
