package io.rowflow.test;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Test instrument for the PostgreSQL standby ({@link TestDatabases#postgresReplicaUrl()}): pauses
 * and resumes its replay (always resume in a {@code finally}: other suites share the standby),
 * waits until it has replayed what the primary wrote, and stops and starts it through
 * {@code scripts/postgres-replica.sh} (the standby only; the primary is never touched).
 */
public final class ReplicaControl {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ReplicaControl() {
    }

    /** Pauses replay and waits until the standby reports it paused. */
    public static void pauseReplay() {
        query(replica(), "SELECT pg_wal_replay_pause()::text");
        Await.until("replay paused", Duration.ofSeconds(10),
                () -> "paused".equals(query(replica(), "SELECT pg_get_wal_replay_pause_state()")));
    }

    /** Resumes replay (harmless when it was not paused). */
    public static void resumeReplay() {
        query(replica(), "SELECT pg_wal_replay_resume()::text");
    }

    /** Waits until the standby has replayed everything the primary has written now. */
    public static void awaitReplayed() {
        String written = query(ConnectionFactories.get(TestDatabases.postgresUrl()), "SELECT pg_current_wal_lsn()::text");
        Await.until("the standby replayed " + written, TIMEOUT, () -> "t".equals(query(replica(),
                "SELECT (pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn)::text").substring(0, 1)));
    }

    /** Stops the standby (fast shutdown: its sessions are cut). */
    public static void stop() {
        script("stop");
    }

    /** Starts the standby and waits until it streams again. */
    public static void start() {
        script("start");
    }

    private static ConnectionFactory replica() {
        return ConnectionFactories.get(TestDatabases.postgresReplicaUrl());
    }

    private static String query(ConnectionFactory factory, String sql) {
        return Mono.usingWhen(Mono.from(factory.create()),
                        connection -> Flux.from(connection.createStatement(sql).execute())
                                .concatMap(result -> result.map((row, metadata) -> String.valueOf(row.get(0))))
                                .next(),
                        Connection::close)
                .block(TIMEOUT);
    }

    private static void script(String command) {
        Path script = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("scripts/postgres-replica.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("No " + script + " to " + command + " the standby with");
        }
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command).inheritIO().start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(script + " " + command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
