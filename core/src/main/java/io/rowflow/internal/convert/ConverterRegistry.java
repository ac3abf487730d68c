package io.rowflow.internal.convert;

import io.rowflow.MappingException;
import io.rowflow.annotation.EnumType;
import io.rowflow.convert.Converter;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides how each Java type is stored. Precedence: a converter registered by the user, then the
 * dialect's storage convention, then Rowflow's built-in conversions, then the driver's native
 * types. A converter whose database type is not native is followed by that type's conversion.
 * Resolved codecs are cached per type.
 */
public final class ConverterRegistry {

    private static final Map<Class<?>, Class<?>> PRIMITIVE_TO_WRAPPER = Map.of(
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
            boolean.class, Boolean.class, double.class, Double.class, float.class, Float.class,
            char.class, Character.class);

    private static final List<Converter<?, ?>> BUILT_INS = List.of(
            Converter.of(Byte.class, Short.class, Byte::shortValue, Short::byteValue),
            Converter.of(Character.class, String.class, String::valueOf, ConverterRegistry::singleCharacter),
            Converter.of(BigInteger.class, BigDecimal.class, BigDecimal::new, BigDecimal::toBigIntegerExact),
            Converter.of(Instant.class, OffsetDateTime.class, i -> i.atOffset(ZoneOffset.UTC), OffsetDateTime::toInstant));

    /** How many converters may be chained to reach a native type (user type to Instant to OffsetDateTime...). */
    private static final int MAX_CONVERSION_STEPS = 3;

    private final Map<Class<?>, Converter<?, ?>> userConverters;
    private final Dialect dialect;
    private final Map<Class<?>, ValueCodec> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, ValueCodec> byOrdinal = new ConcurrentHashMap<>();

    /**
     * Creates a registry over the user's converters (keyed by Java type) and a dialect.
     *
     * @throws MappingException if a user converter's database type is one the dialect cannot store
     */
    public ConverterRegistry(Map<Class<?>, Converter<?, ?>> userConverters, Dialect dialect) {
        this.userConverters = Map.copyOf(userConverters);
        this.dialect = dialect;
        userConverters.values().forEach(this::checkStorable);
    }

    /** Fails unless the converter's database type is native to the dialect or converts further to one. */
    private void checkStorable(Converter<?, ?> converter) {
        if (codecFor(converter.javaType(), EnumType.NAME) == null) {
            throw new MappingException("Converter " + converter + " for " + converter.javaType().getName()
                    + " declares " + converter.databaseType().getName() + " as its databaseType(), which "
                    + dialect.getClass().getSimpleName() + " cannot store: declare the type toDatabase() really "
                    + "returns, one the driver binds (String, Long, Integer, BigDecimal, byte[], LocalDate...)");
        }
    }

    /**
     * The codec for a Java type, or {@code null} if the type cannot be stored. Enums without a user
     * converter are stored by name or by ordinal as asked.
     */
    public @Nullable ValueCodec codecFor(Class<?> javaType, EnumType enumType) {
        Map<Class<?>, ValueCodec> cache = enumType == EnumType.ORDINAL ? byOrdinal : byName;
        ValueCodec cached = cache.get(javaType);
        if (cached != null) {
            return cached;
        }
        ValueCodec resolved = guarded(resolve(javaType, enumType, 0));
        if (resolved != null) {
            cache.putIfAbsent(javaType, resolved);
        }
        return resolved;
    }

    /** The codec, refusing non-finite values where it stores floating-point numbers the dialect cannot hold. */
    private @Nullable ValueCodec guarded(@Nullable ValueCodec codec) {
        boolean floatingPoint = codec != null && (codec.storedType() == Double.class || codec.storedType() == Float.class);
        return floatingPoint && !dialect.supports(Feature.NON_FINITE_FLOATS) ? codec.finiteOnly(dialect.name()) : codec;
    }

    /**
     * The codec for a property's declared generic type: {@link #codecFor(Class, EnumType)} for a
     * class, and for {@code List<E>} a list stored as the dialect stores {@code E[]} (an array
     * column, where the dialect has them), read back as an unmodifiable list. {@code null} if the
     * type cannot be stored.
     */
    public @Nullable ValueCodec codecFor(Type declaredType, EnumType enumType) {
        if (declaredType instanceof Class<?> type) {
            return codecFor(type, enumType);
        }
        if (declaredType instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && !element.isPrimitive()) {
            ValueCodec array = codecFor(element.arrayType(), enumType);
            return array == null ? null : new ValueCodec(List.class, array.storedType(), chain(listAsArray(element), array.converter()));
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Converter<?, ?> listAsArray(Class<?> element) {
        Class<Object[]> arrayType = (Class<Object[]>) element.arrayType();
        return Converter.of((Class<List>) (Class) List.class, arrayType,
                list -> list.toArray((Object[]) Array.newInstance(element, list.size())),
                array -> Collections.unmodifiableList(Arrays.asList(array)));
    }

    /** The codec for the runtime class of a bound value (enums by name). */
    public @Nullable ValueCodec codecForValue(Object value) {
        Class<?> type = value.getClass();
        if (type.isAnonymousClass() && type.getSuperclass() != null && type.getSuperclass().isEnum()) {
            type = type.getSuperclass();
        }
        return codecFor(type, EnumType.NAME);
    }

    /**
     * Finds the converter for a type; when its database type is not native either (a user
     * converter to {@code Instant}, say), continues with that type's own conversion, a few steps at most.
     */
    private @Nullable ValueCodec resolve(Class<?> declaredType, EnumType enumType, int depth) {
        Class<?> type = PRIMITIVE_TO_WRAPPER.getOrDefault(declaredType, declaredType);
        Converter<?, ?> converter = userConverters.get(type);
        if (converter == null) {
            converter = dialect.converterFor(type);
        }
        if (converter == null && !dialect.nativeTypes().contains(type)) {
            converter = builtIn(type, enumType);
        }
        if (converter == null) {
            return dialect.nativeTypes().contains(type) ? new ValueCodec(declaredType, type, null) : null;
        }
        if (dialect.nativeTypes().contains(converter.databaseType())) {
            return new ValueCodec(declaredType, converter.databaseType(), converter);
        }
        if (depth >= MAX_CONVERSION_STEPS || converter.databaseType() == type) {
            return null;
        }
        ValueCodec next = resolve(converter.databaseType(), EnumType.NAME, depth + 1);
        if (next == null || next.converter() == null) {
            return null;
        }
        return new ValueCodec(declaredType, next.storedType(), chain(converter, next.converter()));
    }

    /** {@code first}, then {@code then} if there is one. */
    @SuppressWarnings("unchecked")
    private static Converter<Object, Object> chain(Converter<?, ?> first, @Nullable Converter<Object, Object> then) {
        Converter<Object, Object> start = (Converter<Object, Object>) first;
        if (then == null) {
            return start;
        }
        return new Converter<>() {
            @Override
            public Class<Object> javaType() {
                return start.javaType();
            }

            @Override
            public Class<Object> databaseType() {
                return then.databaseType();
            }

            @Override
            public Object toDatabase(Object value) {
                return then.toDatabase(start.toDatabase(value));
            }

            @Override
            public Object fromDatabase(Object value) {
                return start.fromDatabase(then.fromDatabase(value));
            }

            @Override
            public String toString() {
                return start + " then " + then;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private @Nullable Converter<?, ?> builtIn(Class<?> type, EnumType enumType) {
        if (type.isEnum()) {
            return enumType == EnumType.ORDINAL ? ordinalConverter((Class) type) : nameConverter((Class) type);
        }
        if (type.isArray() && type.getComponentType().isEnum()) {
            Converter<?, ?> element = builtIn(type.getComponentType(), enumType);
            return element != null && dialect.nativeTypes().contains(element.databaseType().arrayType())
                    ? EnumArrays.converter(type, (Converter<Object, Object>) element) : null;
        }
        for (Converter<?, ?> converter : BUILT_INS) {
            if (converter.javaType() == type) {
                return converter;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> Converter<E, String> nameConverter(Class<E> type) {
        return EnumLabels.converter(type);
    }

    private static <E extends Enum<E>> Converter<E, Integer> ordinalConverter(Class<E> type) {
        E[] constants = type.getEnumConstants();
        Function<Integer, E> byOrdinal = ordinal -> {
            if (ordinal < 0 || ordinal >= constants.length) {
                throw new IllegalArgumentException("no constant of " + type.getSimpleName() + " has ordinal " + ordinal);
            }
            return constants[ordinal];
        };
        return Converter.of(type, Integer.class, Enum::ordinal, byOrdinal);
    }

    private static Character singleCharacter(String value) {
        if (value.length() != 1) {
            throw new IllegalArgumentException("expected exactly one character but got " + value.length());
        }
        return value.charAt(0);
    }
}
