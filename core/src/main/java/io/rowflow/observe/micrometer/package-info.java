/**
 * Micrometer Observation for Rowflow: an observation per statement and per transaction, nested under
 * the observation in the Reactor context. Needs {@code io.micrometer:micrometer-observation} on the
 * class path; nothing here is loaded unless an application registers {@link RowflowObservation}.
 */
@NullMarked
package io.rowflow.observe.micrometer;

import org.jspecify.annotations.NullMarked;
