package io.rowflow.internal.mapping;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Instantiators that call a constructor from a class spun by {@link LambdaMetafactory}, as
 * {@code Book::new} compiles to, instead of through a spreading {@code MethodHandle}: the JIT sees
 * an ordinary interface call and a direct constructor call, with no array spreading, argument
 * adaptation or method-handle dispatch per row. One functional interface per arity up to
 * {@value #MAX_ARITY}; wider constructors, and types the metafactory may not reach (a class in a
 * named module that does not open its package), keep the method handle.
 */
public final class Constructors {

    /** The widest constructor called directly; wider ones go through a method handle. */
    public static final int MAX_ARITY = 16;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final Class<?>[] SHAPES = {
        Of0.class, Of1.class, Of2.class, Of3.class, Of4.class, Of5.class, Of6.class, Of7.class, Of8.class,
        Of9.class, Of10.class, Of11.class, Of12.class, Of13.class, Of14.class, Of15.class, Of16.class};

    private Constructors() {
    }

    /**
     * An instantiator for the constructor, taking one value per parameter in order (boxed for
     * primitive parameters, which must not be null): a direct call when it can be generated,
     * otherwise {@code fallback}, a handle of type {@code (Object[]) Object}.
     */
    public static Instantiator of(Constructor<?> constructor, MethodHandle fallback) {
        Instantiator direct = direct(constructor);
        return direct != null ? direct : values -> (Object) fallback.invokeExact(values);
    }

    /** The direct instantiator, or {@code null} when the metafactory cannot reach the constructor. */
    static @Nullable Instantiator direct(Constructor<?> constructor) {
        int arity = constructor.getParameterCount();
        if (arity > MAX_ARITY) {
            return null;
        }
        Class<?> type = constructor.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, LOOKUP);
            MethodHandle target = lookup.unreflectConstructor(constructor);
            Class<?> shape = SHAPES[arity];
            Class<?>[] erased = new Class<?>[arity];
            Arrays.fill(erased, Object.class);
            Class<?>[] boxed = Arrays.stream(constructor.getParameterTypes()).map(Constructors::boxed)
                    .toArray(Class<?>[]::new);
            Object factory = LambdaMetafactory.metafactory(lookup, "create", MethodType.methodType(shape),
                    MethodType.methodType(Object.class, erased), target, MethodType.methodType(type, boxed))
                    .getTarget().invoke();
            return spread(arity, factory);
        } catch (Throwable e) {
            return null;
        }
    }

    private static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    /** The values spread into the arity's call. */
    private static Instantiator spread(int arity, Object factory) {
        return switch (arity) {
            case 0 -> { Of0 of = (Of0) factory; yield v -> of.create(); }
            case 1 -> { Of1 of = (Of1) factory; yield v -> of.create(v[0]); }
            case 2 -> { Of2 of = (Of2) factory; yield v -> of.create(v[0], v[1]); }
            case 3 -> { Of3 of = (Of3) factory; yield v -> of.create(v[0], v[1], v[2]); }
            case 4 -> { Of4 of = (Of4) factory; yield v -> of.create(v[0], v[1], v[2], v[3]); }
            case 5 -> { Of5 of = (Of5) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4]); }
            case 6 -> { Of6 of = (Of6) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5]); }
            case 7 -> { Of7 of = (Of7) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6]); }
            case 8 -> { Of8 of = (Of8) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]); }
            case 9 -> { Of9 of = (Of9) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]); }
            case 10 -> { Of10 of = (Of10) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]); }
            case 11 -> { Of11 of = (Of11) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]); }
            case 12 -> { Of12 of = (Of12) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]); }
            case 13 -> { Of13 of = (Of13) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]); }
            case 14 -> { Of14 of = (Of14) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]); }
            case 15 -> { Of15 of = (Of15) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]); }
            case 16 -> { Of16 of = (Of16) factory; yield v -> of.create(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]); }
            default -> throw new IllegalArgumentException("arity " + arity);
        };
    }

    /** A constructor of 0 parameters. */
    @FunctionalInterface
    public interface Of0 {
        /** Calls the constructor. */
        Object create();
    }

    /** A constructor of 1 parameters. */
    @FunctionalInterface
    public interface Of1 {
        /** Calls the constructor. */
        Object create(Object a0);
    }

    /** A constructor of 2 parameters. */
    @FunctionalInterface
    public interface Of2 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1);
    }

    /** A constructor of 3 parameters. */
    @FunctionalInterface
    public interface Of3 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2);
    }

    /** A constructor of 4 parameters. */
    @FunctionalInterface
    public interface Of4 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3);
    }

    /** A constructor of 5 parameters. */
    @FunctionalInterface
    public interface Of5 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4);
    }

    /** A constructor of 6 parameters. */
    @FunctionalInterface
    public interface Of6 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5);
    }

    /** A constructor of 7 parameters. */
    @FunctionalInterface
    public interface Of7 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6);
    }

    /** A constructor of 8 parameters. */
    @FunctionalInterface
    public interface Of8 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7);
    }

    /** A constructor of 9 parameters. */
    @FunctionalInterface
    public interface Of9 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8);
    }

    /** A constructor of 10 parameters. */
    @FunctionalInterface
    public interface Of10 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9);
    }

    /** A constructor of 11 parameters. */
    @FunctionalInterface
    public interface Of11 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9, Object a10);
    }

    /** A constructor of 12 parameters. */
    @FunctionalInterface
    public interface Of12 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9, Object a10, Object a11);
    }

    /** A constructor of 13 parameters. */
    @FunctionalInterface
    public interface Of13 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9, Object a10, Object a11, Object a12);
    }

    /** A constructor of 14 parameters. */
    @FunctionalInterface
    public interface Of14 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9, Object a10, Object a11, Object a12, Object a13);
    }

    /** A constructor of 15 parameters. */
    @FunctionalInterface
    public interface Of15 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9, Object a10, Object a11, Object a12, Object a13, Object a14);
    }

    /** A constructor of 16 parameters. */
    @FunctionalInterface
    public interface Of16 {
        /** Calls the constructor. */
        Object create(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9, Object a10, Object a11, Object a12, Object a13, Object a14, Object a15);
    }
}
