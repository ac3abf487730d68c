package io.rowflow.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text an enum constant is stored as, instead of its name: for labels of a database enum that
 * are not Java identifiers, such as PostgreSQL's {@code 'PG-13'} or MariaDB's {@code ENUM('NC-17')}.
 * Declared once on the constant, it applies wherever the enum is written, read or compared —
 * entity columns stored by name, query conditions and raw SQL binds. Constants without it are
 * stored by {@link Enum#name()}. Reading a label no constant has fails with a
 * {@link io.rowflow.MappingException} naming the column.
 *
 * <pre>{@code
 * enum Rating { G, PG, @EnumLabel("PG-13") PG_13, R, @EnumLabel("NC-17") NC_17 }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EnumLabel {

    /** The stored text. */
    String value();
}
