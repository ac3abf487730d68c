/**
 * Annotations that declare how classes and records map to tables and columns.
 */
@NullMarked
package io.rowflow.annotation;

import org.jspecify.annotations.NullMarked;
