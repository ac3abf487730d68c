package io.rowflow.query;

import io.rowflow.QueryException;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Projection;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Builds value projections: into a record or class through a constructor taking one parameter
 * per selected expression (resolved once, when the query is built), into {@link Tuple}s, or as
 * single values.
 */
final class Projections {

    private Projections() {
    }

    static <R> Projection.Values<R> into(Class<R> type, List<Expr<?>> expressions) {
        Constructor<?> constructor = constructor(type, expressions.size());
        MethodHandle handle;
        try {
            constructor.setAccessible(true);
            handle = MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, expressions.size())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new QueryException("Cannot use the constructor of " + type.getName() + ": " + e.getMessage(), e);
        }
        Projection.RowValues<R> factory = values -> {
            try {
                return type.cast((Object) handle.invokeExact(values));
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new QueryException("Could not create " + type.getName() + ": " + e, e);
            }
        };
        return new Projection.Values<>(type, nodes(expressions), factory, Arrays.asList(constructor.getParameterTypes()));
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
