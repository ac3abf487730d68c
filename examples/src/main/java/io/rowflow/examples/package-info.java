/**
 * A runnable tour of Rowflow ({@link io.rowflow.examples.Demo}) and the entities it uses.
 */
package io.rowflow.examples;
