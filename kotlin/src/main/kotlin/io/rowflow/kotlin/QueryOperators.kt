/**
 * Infix operators for the typed query DSL, so that conditions read as Kotlin:
 * `select(BOOK).where((BOOK.year ge 1960) and (BOOK.title startsWith "The"))`. A `null` value
 * compared with [eq] or [ne] becomes `IS NULL` / `IS NOT NULL`, as a Kotlin nullable property suggests.
 */
package io.rowflow.kotlin

import io.rowflow.query.ComparableExpr
import io.rowflow.query.Condition
import io.rowflow.query.Expr
import io.rowflow.query.StringExpr

/** `this = value`, or `this IS NULL` when [value] is `null`. */
infix fun <T : Any> Expr<T>.eq(value: T?): Condition = if (value == null) isNull() else eq(value)

/** `this = other`. */
infix fun <T : Any> Expr<T>.eq(other: Expr<out T>): Condition = eq(other)

/** `this <> value`, or `this IS NOT NULL` when [value] is `null`. */
infix fun <T : Any> Expr<T>.ne(value: T?): Condition = if (value == null) isNotNull() else ne(value)

/** `this IN (values)`. */
infix fun <T : Any> Expr<T>.isIn(values: Collection<T>): Condition = `in`(values)

/** `this < value`. */
infix fun <T : Comparable<T>> ComparableExpr<T>.lt(value: T): Condition = lt(value)

/** `this <= value`. */
infix fun <T : Comparable<T>> ComparableExpr<T>.le(value: T): Condition = le(value)

/** `this > value`. */
infix fun <T : Comparable<T>> ComparableExpr<T>.gt(value: T): Condition = gt(value)

/** `this >= value`. */
infix fun <T : Comparable<T>> ComparableExpr<T>.ge(value: T): Condition = ge(value)

/** `this BETWEEN range.start AND range.endInclusive`: `BOOK.year between 1960..1980`. */
infix fun <T : Comparable<T>> ComparableExpr<T>.between(range: ClosedRange<T>): Condition =
    between(range.start, range.endInclusive)

/** `this LIKE pattern` (the pattern's `%` and `_` are wildcards). */
infix fun StringExpr.like(pattern: String): Condition = like(pattern)

/** Starts with [prefix], taken literally. */
infix fun StringExpr.startsWith(prefix: String): Condition = startsWith(prefix)

/** Contains [part], taken literally. */
infix fun StringExpr.contains(part: String): Condition = contains(part)

/** Both conditions. */
infix fun Condition.and(other: Condition): Condition = and(other)

/** Either condition. */
infix fun Condition.or(other: Condition): Condition = or(other)
