/** The blocking JDBC contender: HikariCP, PreparedStatements, blocking calls on a scheduler of their own. */
@NullMarked
package io.rowflow.benchmarks.jdbc;

import org.jspecify.annotations.NullMarked;
