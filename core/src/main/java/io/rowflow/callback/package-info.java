/**
 * Lifecycle callbacks: reactive functions Rowflow calls before and after it inserts, updates or
 * deletes an entity and after it loads one ({@link io.rowflow.callback.EntityCallback},
 * {@link io.rowflow.callback.Lifecycle}), registered per entity type with
 * {@link io.rowflow.DatabaseBuilder#callback(Class, Lifecycle, EntityCallback)}; and the source
 * of the current user for auditing ({@link io.rowflow.callback.AuditorProvider}).
 */
@NullMarked
package io.rowflow.callback;

import org.jspecify.annotations.NullMarked;
