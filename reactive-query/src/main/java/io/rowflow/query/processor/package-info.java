/**
 * The annotation processor that generates the query metamodel ({@code Book_.BOOK}) from entity annotations.
 */
package io.rowflow.query.processor;
