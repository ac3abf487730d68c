package io.rowflow.test;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.r2dbc.spi.Statement;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Test instrument: a real connection factory whose first statement matching a SQL predicate fails
 * with a transient driver error when executed; every other statement runs on the real database.
 */
public final class FailingOnceConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private final Predicate<String> fails;
    private final AtomicBoolean failed = new AtomicBoolean();

    /** Wraps a real connection factory; the first statement whose SQL matches {@code fails} fails. */
    public FailingOnceConnectionFactory(ConnectionFactory delegate, Predicate<String> fails) {
        this.delegate = delegate;
        this.fails = fails;
    }

    /** Whether the failure has been injected yet. */
    public boolean hasFailed() {
        return failed.get();
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(connection -> (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    Object result = method.invoke(connection, args);
                    if (method.getName().equals("createStatement") && fails.test((String) args[0])
                            && failed.compareAndSet(false, true)) {
                        return failing((Statement) result);
                    }
                    return result;
                }));
    }

    private Statement failing(Statement real) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Statement.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "execute" -> Flux.error(new R2dbcTransientResourceException("injected failure"));
                    case "fetchSize", "add", "returnGeneratedValues", "bind", "bindNull" -> proxy;
                    default -> method.invoke(real, args);
                });
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }
}
