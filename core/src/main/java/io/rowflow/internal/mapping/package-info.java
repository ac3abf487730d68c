/**
 * Internal: building entity models from annotations and moving values between instances and columns.
 */
@NullMarked
package io.rowflow.internal.mapping;

import org.jspecify.annotations.NullMarked;
