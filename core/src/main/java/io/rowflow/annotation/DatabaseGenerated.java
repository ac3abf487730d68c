package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a column whose value the database sets: a {@code DEFAULT now()} the application never
 * overrides, {@code GENERATED ALWAYS AS (...) STORED}, a value set by a trigger. Rowflow never
 * writes it — not on insert, update or upsert — and reads the stored value back after the
 * statements that set it ({@link #value()}), with {@code RETURNING} where the database has it and
 * otherwise a {@code SELECT} by key on the same connection. A mutable entity gets the value set;
 * a record is returned as a new instance.
 *
 * <p>For a column with a default that the application may also set, use {@link DatabaseDefault};
 * for one that is only read, {@link ReadOnly}.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface DatabaseGenerated {

    /** When the database sets the value: {@link GenerationTime#INSERT} by default. */
    GenerationTime value() default GenerationTime.INSERT;
}
