package io.rowflow.test.spring;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.StatementRecorder;
import io.rowflow.test.internal.RunningTest;
import io.rowflow.test.internal.TransactionOpener;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Carries the running test's transaction into the requests the application handles, so that a
 * {@code WebTestClient} call (bound to the application context, to a controller or to the running
 * server of the same JVM) works in the test's transaction: the request's Reactor context gets the
 * test's Spring transaction context, which Spring's transactions, {@code DatabaseClient} and Rowflow
 * then find. A test's Reactor context never reaches the server by itself (the request is handled
 * in a chain of its own), hence this filter. Each request is also one operation of the
 * {@link StatementRecorder}, named {@code METHOD /path}. Outside rollback-only tests it only records.
 */
final class TestTransactionWebFilter implements WebFilter, Ordered {

    private final ConnectionFactory factory;
    private final TransactionOpener opener;
    private final @Nullable StatementRecorder recorder;

    TestTransactionWebFilter(ConnectionFactory factory, TransactionOpener opener, @Nullable StatementRecorder recorder) {
        this.factory = factory;
        this.opener = opener;
        this.recorder = recorder;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Function<Context, Context> scope = recorder == null ? Function.identity()
                : recorder.scope(exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
        RunningTest test = RunningTest.current();
        if (test == null || !test.rollsBack()) {
            return chain.filter(exchange).contextWrite(scope);
        }
        return test.join(factory, opener)
                .flatMap(open -> chain.filter(exchange).contextWrite(context -> scope.apply(context.putAll(open.context()))));
    }

    /** First, so that every other filter and the handler run in the test's transaction. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
