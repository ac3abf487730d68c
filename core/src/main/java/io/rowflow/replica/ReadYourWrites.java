package io.rowflow.replica;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * A read-your-writes session: the WAL position of the latest commit made in one Reactor context
 * (a request, a user's session). Write it into the context of the work it covers with
 * {@code .contextWrite(session.context())}; every write and read-write transaction
 * {@link ReplicaRouting} sends to the primary in that context records the primary's WAL position
 * after it (in {@link #lastCommit()}), and every later read in that context goes to a replica only
 * once the replica has replayed that far (it waits a bounded time, then reads from the primary).
 * Without a session in the context, reads see replicas as they are.
 *
 * <p>Thread-safe; keep one per user session (in the {@code WebSession}, for example) to span
 * requests, or create one per request.
 *
 * @since 0.2
 */
public final class ReadYourWrites {

    private static final String KEY = ReadYourWrites.class.getName();

    private final AtomicLong lastCommit = new AtomicLong(-1);

    private ReadYourWrites() {
    }

    /** A session that has not committed anything yet. */
    public static ReadYourWrites newSession() {
        return new ReadYourWrites();
    }

    /** A context holding this session, for {@code contextWrite}. */
    public Context context() {
        return Context.of(KEY, this);
    }

    /** The session in a context, if any. */
    public static Optional<ReadYourWrites> in(ContextView context) {
        Objects.requireNonNull(context, "context");
        return context.getOrEmpty(KEY);
    }

    /** The primary's WAL position after the latest commit of this session, or {@code -1} when none. */
    public long lastCommit() {
        return lastCommit.get();
    }

    /** Records a commit that the primary wrote up to {@code position} (later positions only move it forward). */
    void committed(long position) {
        lastCommit.accumulateAndGet(position, Math::max);
    }

    @Override
    public String toString() {
        long position = lastCommit.get();
        return "ReadYourWrites[" + (position < 0 ? "no commit" : ReplicaPositions.format(position)) + "]";
    }
}
