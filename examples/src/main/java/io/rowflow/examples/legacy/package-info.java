/**
 * The classes of docs/mapping-in-code.md: records without Rowflow annotations (think generated or
 * shared code), mapped in code instead.
 */
package io.rowflow.examples.legacy;
