/**
 * Spring Framework integration without Spring Boot: the connection provider that lets Rowflow
 * operations join Spring's reactive R2DBC transactions.
 */
@NullMarked
package io.rowflow.spring;

import org.jspecify.annotations.NullMarked;
