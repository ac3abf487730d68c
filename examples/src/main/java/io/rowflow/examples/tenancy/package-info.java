/**
 * The entities of docs/filters-and-tenancy.md: tickets and their comments, per tenant, soft-deleted.
 */
package io.rowflow.examples.tenancy;
