package io.rowflow.test.internal;

import io.rowflow.ExternalTransaction;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * A test's transaction on one connection factory, begun and not yet rolled back.
 *
 * @param transaction what Rowflow operations of the test join
 * @param context what work must carry in its Reactor context to run in the transaction outside Rowflow
 *                (Spring's transaction context; empty when only Rowflow takes part)
 * @param rollback rolls the transaction back and gives its connection back, once
 */
public record OpenTransaction(ExternalTransaction transaction, ContextView context, Mono<Void> rollback) {
}
