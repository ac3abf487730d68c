package io.rowflow.test;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Statement;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Test instrument: a connection factory that delegates everything to a real one and counts what
 * passes through: statements executed (with their SQL and the lengths of bound object arrays) and
 * connections currently open. It changes no behaviour; the database underneath is real.
 */
public final class CountingConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final List<Integer> arrayLengths = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();

    /** Wraps a real connection factory. */
    public CountingConnectionFactory(ConnectionFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(connection -> {
            open.incrementAndGet();
            created.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    new ConnectionHandler(connection));
        });
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    /** The number of statements executed since creation or the last {@link #reset()}. */
    public int statements() {
        return executed.size();
    }

    /** The SQL of the statements executed, in order. */
    public List<String> executedSql() {
        return List.copyOf(executed);
    }

    /** The lengths of the object arrays bound as parameters (relationship keys on PostgreSQL), in bind order. */
    public List<Integer> boundArrayLengths() {
        return List.copyOf(arrayLengths);
    }

    /** Connections created and not yet closed. */
    public int openConnections() {
        return open.get();
    }

    /** Connections created since creation or the last {@link #reset()}. */
    public int createdConnections() {
        return created.get();
    }

    /** Forgets the statements and connections counted so far (open connections stay counted). */
    public void reset() {
        executed.clear();
        arrayLengths.clear();
        created.set(0);
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection connection;
        private boolean closed;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            Object result = call(connection, method, args);
            if (method.getName().equals("createStatement")) {
                String sql = (String) args[0];
                Statement statement = (Statement) result;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Statement.class},
                        (p, m, a) -> {
                            if (m.getName().equals("execute")) {
                                executed.add(sql);
                            }
                            if (m.getName().equals("bind") && a[1] instanceof Object[] array) {
                                arrayLengths.add(array.length);
                            }
                            Object value = call(statement, m, a);
                            return value == statement ? p : value;
                        });
            }
            if (method.getName().equals("close")) {
                return Mono.from((Publisher<?>) result).doFinally(signal -> {
                    synchronized (this) {
                        if (!closed) {
                            closed = true;
                            open.decrementAndGet();
                        }
                    }
                });
            }
            return result;
        }
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
