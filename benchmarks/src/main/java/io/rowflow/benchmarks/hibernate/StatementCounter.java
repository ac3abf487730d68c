package io.rowflow.benchmarks.hibernate;

import io.vertx.core.Context;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Counts the statements the Vert.x SQL client sends, through Vert.x's tracing SPI: the client
 * reports every query (a batch once) to the tracer before sending it. Records nothing else.
 */
final class StatementCounter implements VertxTracer<Object, Object>, VertxTracerFactory {

    private final LongAdder statements = new LongAdder();

    long statements() {
        return statements.sum();
    }

    @Override
    public VertxTracer tracer(TracingOptions options) {
        return this;
    }

    @Override
    public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
                                  BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
        statements.increment();
        return null;
    }
}
