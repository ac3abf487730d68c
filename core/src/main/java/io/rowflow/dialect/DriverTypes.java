package io.rowflow.dialect;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * Looks up a driver's own value classes reflectively, so that core depends on no driver: a dialect
 * uses them when the driver is on the class path and falls back to a portable convention otherwise.
 */
final class DriverTypes {

    private DriverTypes() {
    }

    /** The class with this name from Rowflow's or the context class loader, or {@code null}. */
    static @Nullable Class<?> find(String className) {
        for (ClassLoader loader : new ClassLoader[]{DriverTypes.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }

    /** A public static factory {@code type.name(argument)}, typed as {@code (argument)Object}. */
    static MethodHandle factory(Class<?> type, String name, Class<?> argument) {
        try {
            return MethodHandles.publicLookup()
                    .findStatic(type, name, MethodType.methodType(type, argument))
                    .asType(MethodType.methodType(Object.class, argument));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no " + name + "(" + argument.getSimpleName() + ")", e);
        }
    }

    /** Invokes a handle of type {@code (Object)Object}, rethrowing what it throws unchecked. */
    static Object invoke(MethodHandle handle, Object argument) {
        try {
            return handle.invoke(argument);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot convert " + argument + " with " + handle, e);
        }
    }
}
