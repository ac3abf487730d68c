/**
 * Read/write routing over streaming replicas: {@link io.rowflow.replica.ReplicaRouting} is a
 * {@link io.rowflow.ConnectionProvider} that sends writes and read-write transactions to the
 * primary and reads to replicas, keeps read-your-writes per Reactor context by WAL position
 * ({@link io.rowflow.replica.ReadYourWrites}), and skips replicas that are down, lagging or removed.
 */
@NullMarked
package io.rowflow.replica;

import org.jspecify.annotations.NullMarked;
