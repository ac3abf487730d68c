/**
 * The execution seam: a description of the operation every statement serves
 * ({@link io.rowflow.observe.Operation}, {@link io.rowflow.observe.OperationKind}) and the listener SPI
 * that sees each one around its execution ({@link io.rowflow.observe.OperationListener}), registered
 * with {@link io.rowflow.DatabaseBuilder#listener(OperationListener)}.
 */
@NullMarked
package io.rowflow.observe;

import org.jspecify.annotations.NullMarked;
