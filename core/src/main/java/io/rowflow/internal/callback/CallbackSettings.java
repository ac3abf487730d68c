package io.rowflow.internal.callback;

import io.rowflow.callback.AuditorProvider;
import io.rowflow.callback.EntityCallback;
import io.rowflow.callback.Lifecycle;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the database builder collected about callbacks and auditing.
 *
 * @param registrations the callbacks in the order registered
 * @param clock the clock of {@code @CreatedAt} and {@code @UpdatedAt}
 * @param auditor the source of {@code @CreatedBy} and {@code @UpdatedBy}, or {@code null}
 */
public record CallbackSettings(List<Registration> registrations, Clock clock, @Nullable AuditorProvider auditor) {

    /** No callbacks, the system clock in UTC, no auditor. */
    public static final CallbackSettings NONE = new CallbackSettings(List.of(), Clock.systemUTC(), null);

    /** Copies the registrations. */
    public CallbackSettings {
        registrations = List.copyOf(registrations);
    }

    /**
     * One registered callback: it applies to entities of {@code type} and its subclasses.
     *
     * @param type the entity type (or a supertype, {@code Object} for every entity)
     * @param event when it runs
     * @param callback the callback
     */
    public record Registration(Class<?> type, Lifecycle event, EntityCallback<?> callback) {
    }
}
