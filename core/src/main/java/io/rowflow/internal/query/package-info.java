/**
 * Internal: rendering the query model into SQL text, bind values and row mappers.
 */
@NullMarked
package io.rowflow.internal.query;

import org.jspecify.annotations.NullMarked;
