package io.rowflow.mapping;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * A property named by a method reference to its accessor ({@code Film::title},
 * {@code Book::getTitle}), so that a code-based {@link EntityMapping} is checked by the compiler:
 * renaming the property breaks the mapping at compile time.
 *
 * @param <T> the mapped type
 * @param <V> the property type
 * @since 0.2
 */
@FunctionalInterface
public interface Getter<T, V> extends Function<T, V>, Serializable {

    /**
     * The property name: the accessor's name for a record component, without {@code get}/{@code is}
     * for a bean getter.
     *
     * @throws IllegalArgumentException if this is a lambda rather than a method reference
     */
    default String propertyName() {
        String method = implementationMethod();
        if (method.startsWith("lambda$")) {
            throw new IllegalArgumentException("Name a property with a method reference such as Film::title, "
                    + "not a lambda");
        }
        for (String prefix : new String[]{"get", "is"}) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                return Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
            }
        }
        return method;
    }

    private String implementationMethod() {
        try {
            Method writeReplace = getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return ((SerializedLambda) writeReplace.invoke(this)).getImplMethodName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("Name a property with a method reference such as Film::title", e);
        }
    }
}
