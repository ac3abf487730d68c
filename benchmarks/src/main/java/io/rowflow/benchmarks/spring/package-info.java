/** The Spring Data R2DBC contender: {@code R2dbcEntityTemplate} and its entities. */
@NullMarked
package io.rowflow.benchmarks.spring;

import org.jspecify.annotations.NullMarked;
