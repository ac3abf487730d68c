package io.rowflow.internal.callback;

import io.rowflow.callback.EntityCallback;
import io.rowflow.callback.Lifecycle;
import io.rowflow.internal.mapping.DefaultEntityModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The callbacks of a database, resolved once per entity type into an {@link EntityLifecycle}:
 * the audit callbacks its model's audit columns call for, then the registered callbacks whose type
 * the entity is an instance of. An entity without any gets {@link EntityLifecycle#none()}, and the
 * operations then do no callback work at all.
 */
public final class Callbacks {

    private final CallbackSettings settings;
    private final Map<Class<?>, EntityLifecycle<?>> resolved = new ConcurrentHashMap<>();

    /** Callbacks from the builder's settings. */
    public Callbacks(CallbackSettings settings) {
        this.settings = settings;
    }

    /** The lifecycle of an entity type. */
    @SuppressWarnings("unchecked")
    public <T> EntityLifecycle<T> of(DefaultEntityModel<T> model) {
        EntityLifecycle<?> lifecycle = resolved.get(model.type());
        if (lifecycle == null) {
            lifecycle = resolved.computeIfAbsent(model.type(), type -> resolve(model));
        }
        return (EntityLifecycle<T>) lifecycle;
    }

    @SuppressWarnings("unchecked")
    private <T> EntityLifecycle<T> resolve(DefaultEntityModel<T> model) {
        if (!model.isEntity()) {
            return EntityLifecycle.none();
        }
        List<List<EntityCallback<T>>> byEvent = new ArrayList<>();
        for (Lifecycle event : Lifecycle.values()) {
            List<EntityCallback<T>> callbacks = new ArrayList<>();
            if (event == Lifecycle.BEFORE_INSERT || event == Lifecycle.BEFORE_UPDATE) {
                EntityCallback<T> audit = Auditing.callback(model, event == Lifecycle.BEFORE_INSERT, settings.clock(),
                        settings.auditor());
                if (audit != null) {
                    callbacks.add(audit);
                }
            }
            for (CallbackSettings.Registration registration : settings.registrations()) {
                if (registration.event() == event && registration.type().isAssignableFrom(model.type())) {
                    callbacks.add((EntityCallback<T>) registration.callback());
                }
            }
            byEvent.add(List.copyOf(callbacks));
        }
        EntityLifecycle<T> lifecycle = new EntityLifecycle<>(model.type(), List.copyOf(byEvent));
        return lifecycle.isEmpty() ? EntityLifecycle.none() : lifecycle;
    }
}
