package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link Id} as generated when an entity is inserted without one.
 *
 * <p>By default ({@link GenerationType#IDENTITY}) the database generates it: on insert the id
 * column is left out of the statement when the value is {@code null} and the generated value is
 * read back. A {@linkplain GenerationType#SEQUENCE sequence} key is taken from the sequence
 * by the insert itself (by {@code insertAll} in blocks fetched first); the other
 * {@linkplain #strategy() strategies} produce the value before the insert (a
 * {@linkplain GenerationType#UUID_V7 UUID}, or a value of an {@link io.rowflow.mapping.IdGenerator})
 * and write it. Either way a mutable
 * entity gets the value set and a record is returned as a new instance; an id already set is kept.
 * Only a one-column key can be generated.
 *
 * <pre>{@code
 * @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "ticket_seq") Long id;
 * @Id @GeneratedValue(strategy = GenerationType.UUID_V7) UUID id;
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface GeneratedValue {

    /**
     * How values are generated; {@link GenerationType#IDENTITY} by default.
     *
     * @since 0.2
     */
    GenerationType strategy() default GenerationType.IDENTITY;

    /**
     * The sequence of {@link GenerationType#SEQUENCE}, optionally schema-qualified
     * ({@code billing.ticket_seq}).
     *
     * @since 0.2
     */
    String sequence() default "";

    /**
     * The name under which the {@link io.rowflow.mapping.IdGenerator} of
     * {@link GenerationType#GENERATOR} is registered with {@code DatabaseBuilder.idGenerator(name, generator)}.
     *
     * @since 0.2
     */
    String generator() default "";
}
