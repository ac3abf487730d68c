package io.rowflow.query;

import io.rowflow.QueryException;
import io.rowflow.internal.mapping.Constructors;
import io.rowflow.internal.mapping.Instantiator;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Projection;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds value projections: into a record or class through a constructor taking one parameter
 * per selected expression (resolved once per type and number of values, and called directly rather
 * than through a spreading method handle), into {@link Tuple}s, or as
 * single values.
 */
final class Projections {

    private Projections() {
    }

    /** Per projected type, its constructor resolved once per arity, with the instantiator calling it. */
    private static final ClassValue<Map<Integer, Creator>> CREATORS = new ClassValue<>() {
        @Override
        protected Map<Integer, Creator> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    static <R> Projection.Values<R> into(Class<R> type, List<Expr<?>> expressions) {
        Creator creator = CREATORS.get(type).computeIfAbsent(expressions.size(), arity -> creator(type, arity));
        Projection.RowValues<R> factory = values -> {
            try {
                return type.cast(creator.instantiator().create(values));
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new QueryException("Could not create " + type.getName() + ": " + e, e);
            }
        };
        return new Projection.Values<>(type, nodes(expressions), factory, creator.parameterTypes());
    }

    /** A constructor taking one value per selected expression, called directly where it can be ({@link Constructors}). */
    private record Creator(Instantiator instantiator, List<Class<?>> parameterTypes) {
    }

    private static Creator creator(Class<?> type, int arity) {
        Constructor<?> constructor = constructor(type, arity);
        MethodHandle handle;
        try {
            constructor.setAccessible(true);
            handle = MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, arity)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new QueryException("Cannot use the constructor of " + type.getName() + ": " + e.getMessage(), e);
        }
        return new Creator(Constructors.of(constructor, handle), List.of(constructor.getParameterTypes()));
    }

    static Projection.Values<Tuple> tuple(List<Expr<?>> expressions) {
        List<Expr<?>> selected = List.copyOf(expressions);
        List<Class<?>> types = selected.stream().<Class<?>>map(Expr::javaType).toList();
        return new Projection.Values<>(Tuple.class, nodes(selected), values -> new Tuple(selected, values), types);
    }

    static <V> Projection.Values<V> single(Expr<V> expression) {
        Class<V> type = expression.javaType();
        return new Projection.Values<>(type, List.of(expression.toExpression()), values -> type.cast(values[0]),
                List.of(type));
    }

    private static Constructor<?> constructor(Class<?> type, int arity) {
        if (type.isRecord()) {
            Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(c -> c.getType()).toArray(Class<?>[]::new);
            if (components.length != arity) {
                throw new QueryException("Record " + type.getName() + " has " + components.length
                        + " components but the query selects " + arity + " values");
            }
            try {
                return type.getDeclaredConstructor(components);
            } catch (NoSuchMethodException e) {
                throw new QueryException("Record " + type.getName() + " has no canonical constructor", e);
            }
        }
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new QueryException(type.getName() + " is abstract; select into a record or concrete class");
        }
        List<Constructor<?>> candidates = Arrays.stream(type.getDeclaredConstructors())
                .filter(c -> c.getParameterCount() == arity).toList();
        if (candidates.size() != 1) {
            throw new QueryException(type.getName() + " needs exactly one constructor taking " + arity
                    + " parameters (one per selected value); it has " + candidates.size());
        }
        return candidates.get(0);
    }

    private static List<Expression> nodes(List<Expr<?>> expressions) {
        return expressions.stream().map(Expr::toExpression).toList();
    }
}
