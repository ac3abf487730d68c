package io.rowflow.callback;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Who is writing, for {@code @CreatedBy} and {@code @UpdatedBy}: read from the subscriber's
 * Reactor context (where Spring Security, for one, keeps the authenticated principal). Registered
 * with {@link io.rowflow.DatabaseBuilder#auditor(AuditorProvider)}; the Spring Boot starter uses an
 * {@code AuditorProvider} bean.
 *
 * <pre>{@code
 * AuditorProvider auditor = context -> Mono.justOrEmpty(context.getOrEmpty("user"));
 * }</pre>
 *
 * <p>It is asked once per entity written, so it should only read the context (or something
 * equally cheap). An empty result leaves the audited properties as they are ({@code null} for a
 * new entity); make the column {@code NOT NULL} to refuse writes without a user. The value must be
 * of the audited property's type, otherwise the write fails with a {@code QueryException}.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface AuditorProvider {

    /** The current auditor, or an empty {@code Mono} when there is none. */
    Mono<?> currentAuditor(ContextView context);
}
