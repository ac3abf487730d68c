package io.rowflow.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Counts the statements every contender creates ({@code Connection.createStatement}), under the
 * pool, so each contender's statements per request can be reported. Changes nothing else: the
 * connection proxy forwards every call to the driver's connection.
 */
public final class CountingConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private final LongAdder statements = new LongAdder();

    /** Wraps the driver's connection factory. */
    public CountingConnectionFactory(ConnectionFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(this::counting);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    /** Statements created on connections of this factory so far. */
    public long statements() {
        return statements.sum();
    }

    private Connection counting(Connection connection) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> type = connection.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (java.lang.reflect.Modifier.isPublic(implemented.getModifiers())) {
                    interfaces.add(implemented);
                }
            }
        }
        interfaces.add(Connection.class);
        InvocationHandler handler = (proxy, method, args) -> invoke(connection, method, args);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), interfaces.toArray(Class<?>[]::new),
                handler);
    }

    private Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("createStatement")) {
            statements.increment();
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
