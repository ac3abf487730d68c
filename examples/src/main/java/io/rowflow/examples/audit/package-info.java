/**
 * The entities of docs/callbacks-and-auditing.md: an audited article and a mutable comment.
 */
package io.rowflow.examples.audit;
