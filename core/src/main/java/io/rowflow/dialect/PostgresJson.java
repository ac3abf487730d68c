package io.rowflow.dialect;

import io.rowflow.convert.Converter;
import io.rowflow.convert.Json;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Json} is stored on PostgreSQL: r2dbc-postgresql binds a {@code jsonb} value only as
 * its own {@code io.r2dbc.postgresql.codec.Json} (plain text is refused by a {@code jsonb}
 * column), so that class is looked up reflectively and core does not depend on the driver.
 */
final class PostgresJson {

    private static final String JSON_CLASS = "io.r2dbc.postgresql.codec.Json";

    private PostgresJson() {
    }

    /** The driver's JSON class, or {@code null} when r2dbc-postgresql is not on the class path. */
    static @Nullable Class<?> jsonType() {
        return Holder.TYPE;
    }

    /** The converter of {@link Json} to the driver's JSON value, or to text without the driver. */
    static Converter<Json, ?> converter() {
        return Holder.CONVERTER;
    }

    /** Resolves the driver class once, on first use. */
    private static final class Holder {
        static final @Nullable Class<?> TYPE = DriverTypes.find(JSON_CLASS);
        static final Converter<Json, ?> CONVERTER = TYPE == null ? StorageConventions.JSON_AS_TEXT : driverConverter(TYPE);

        private static Converter<Json, ?> driverConverter(Class<?> type) {
            @SuppressWarnings("unchecked")
            Class<Object> jsonType = (Class<Object>) type;
            MethodHandle of = DriverTypes.factory(type, "of", String.class);
            MethodHandle asString;
            try {
                asString = MethodHandles.publicLookup().findVirtual(type, "asString", MethodType.methodType(String.class))
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(JSON_CLASS + " has no asString()", e);
            }
            return Converter.of(Json.class, jsonType, json -> DriverTypes.invoke(of, json.text()),
                    value -> new Json((String) DriverTypes.invoke(asString, value)));
        }
    }
}
