/**
 * Rowflow's test support in Spring Boot tests: the {@link io.rowflow.test.spring.RowflowTest} slice
 * and {@link io.rowflow.test.spring.AutoConfigureRowflowTest} for whole-application tests, with
 * rollback-only transactions that the application's requests, {@code @Transactional} services and
 * Rowflow calls join. Needs the Rowflow Spring Boot starter.
 */
@NullMarked
package io.rowflow.test.spring;

import org.jspecify.annotations.NullMarked;
