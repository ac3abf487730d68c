/**
 * The Hibernate Reactive contender: JPA entities, the Mutiny API, its Vert.x PostgreSQL client
 * and pool.
 */
@NullMarked
package io.rowflow.benchmarks.hibernate;

import org.jspecify.annotations.NullMarked;
