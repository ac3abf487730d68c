package io.rowflow.benchmarks;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;

/**
 * Where the benchmark's PostgreSQL is, taken from the R2DBC URL, for the contenders that connect
 * with another driver (Vert.x, JDBC).
 *
 * @param host     the server's host
 * @param port     its port
 * @param database the database
 * @param user     the user
 * @param password the password, if the URL has one
 */
public record Endpoint(String host, int port, String database, String user, @Nullable String password) {

    /** The endpoint of an R2DBC URL such as {@code r2dbc:postgresql://user@host:5432/db}. */
    public static Endpoint of(String r2dbcUrl) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl);
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
        Object user = options.getValue(ConnectionFactoryOptions.USER);
        return new Endpoint(String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.HOST)),
                port == null ? 5432 : Integer.parseInt(port.toString()),
                database == null ? "postgres" : database.toString(),
                user == null ? "postgres" : user.toString(),
                password == null ? null : password.toString());
    }

    /** The JDBC URL of the database (without user and password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
