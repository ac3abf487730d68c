package io.rowflow.test;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Statement;
import io.rowflow.ConnectionProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Test instrument: records which value of one Reactor context key each connection acquisition,
 * {@code BEGIN} and statement execution was subscribed with. Wrap a real factory with
 * {@link #wrap} and give Rowflow {@link #provider()}; nothing else changes.
 */
public final class ContextProbe {

    /** The key the probe reads. */
    public static final String KEY = "rowflow.test.probe";

    /** One observation: what happened ({@code acquire}, {@code BEGIN} or the SQL) and the key's value then. */
    public record Seen(String what, String value) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** What was seen so far, in order. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Forgets what was seen. */
    public void reset() {
        seen.clear();
    }

    /** A provider that records the key at each acquisition and otherwise behaves like the default. */
    public ConnectionProvider provider() {
        return new ConnectionProvider() {
            @Override
            public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
                return Mono.deferContextual(context -> {
                    seen.add(new Seen("acquire", context.getOrDefault(KEY, "(none)")));
                    return Mono.from(ConnectionProvider.DEFAULT.acquire(factory));
                });
            }

            @Override
            public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
                return ConnectionProvider.DEFAULT.release(connection, factory);
            }
        };
    }

    /** A factory whose connections record the key when {@code BEGIN} and statements are subscribed. */
    public ConnectionFactory wrap(ConnectionFactory delegate) {
        return new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.from(delegate.create()).map(connection -> (Connection) Proxy.newProxyInstance(
                        ContextProbe.class.getClassLoader(), new Class<?>[]{Connection.class},
                        (proxy, method, args) -> connectionCall(connection, method, args)));
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return delegate.getMetadata();
            }
        };
    }

    private Object connectionCall(Connection connection, Method method, Object[] args) throws Throwable {
        Object result = call(connection, method, args);
        if (method.getName().equals("beginTransaction")) {
            return recorded("BEGIN", (Publisher<?>) result);
        }
        if (method.getName().equals("createStatement")) {
            String sql = (String) args[0];
            Statement statement = (Statement) result;
            return Proxy.newProxyInstance(ContextProbe.class.getClassLoader(), new Class<?>[]{Statement.class},
                    (proxy, m, a) -> {
                        Object value = call(statement, m, a);
                        if (m.getName().equals("execute")) {
                            return recorded(sql, (Publisher<?>) value);
                        }
                        return value == statement ? proxy : value;
                    });
        }
        return result;
    }

    private <T> Flux<T> recorded(String what, Publisher<T> publisher) {
        return Flux.deferContextual(context -> {
            seen.add(new Seen(what, context.getOrDefault(KEY, "(none)")));
            return publisher;
        });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
