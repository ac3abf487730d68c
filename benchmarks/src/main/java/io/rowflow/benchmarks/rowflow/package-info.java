/** The Rowflow contender and its entities (the metamodel {@code World_}, {@code Book_}... is generated). */
@NullMarked
package io.rowflow.benchmarks.rowflow;

import org.jspecify.annotations.NullMarked;
