/**
 * The jOOQ contender: jOOQ's DSL over an R2DBC connection factory. jOOQ's open-source edition
 * needs Java 21, so this package is compiled apart by the {@code jooq} Maven profile (release 21,
 * with JDK 25's compiler) and runs in a JDK 25 JVM of its own; {@code benchmarks/run.sh} does both.
 */
@NullMarked
package io.rowflow.benchmarks.jooq;

import org.jspecify.annotations.NullMarked;
