/**
 * The bookstore web service: Spring WebFlux endpoints streaming Rowflow results, with Rowflow
 * joining Spring's transactions through the starter.
 */
@NullMarked
package io.rowflow.examples.web;

import org.jspecify.annotations.NullMarked;
