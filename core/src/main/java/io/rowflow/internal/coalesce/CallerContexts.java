package io.rowflow.internal.coalesce;

import java.util.List;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The Reactor contexts of all callers a coalesced statement serves, kept in the context the
 * statement runs in (the first caller's), so that whatever is decided per caller at connection
 * acquisition (such as a read-your-writes position) can take every caller into account.
 */
public final class CallerContexts {

    private static final String KEY = CallerContexts.class.getName();

    private CallerContexts() {
    }

    /** The first caller's context, carrying the contexts of all of them when there are several. */
    public static ContextView of(List<ContextView> callers) {
        ContextView first = callers.get(0);
        return callers.size() == 1 ? first : Context.of(first).put(KEY, List.copyOf(callers));
    }

    /** The callers' contexts recorded in a context, or just that context. */
    @SuppressWarnings("unchecked")
    public static List<ContextView> in(ContextView context) {
        return context.<List<ContextView>>getOrEmpty(KEY).orElseGet(() -> List.of(context));
    }
}
