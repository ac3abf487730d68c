package io.rowflow.convert;

import java.util.Objects;
import java.util.function.Function;

/**
 * A JSON document, as its text: the Java type of JSON columns. PostgreSQL stores it in a
 * {@code jsonb} column ({@link io.rowflow.dialect.Feature#JSONB}), which normalises whitespace and
 * key order, so compare documents, not their text; other databases store the text as it is.
 *
 * <p>Map your own types to JSON with {@link #converter}, using any JSON library; Rowflow itself
 * depends on none. With Jackson 3, for example:
 * {@code Json.converter(Address.class, mapper::writeValueAsString, text -> mapper.readValue(text, Address.class))}.
 *
 * @param text the document's JSON text
 * @since 0.1
 */
public record Json(String text) {

    /** Checks the text is there (it is not parsed). */
    public Json {
        Objects.requireNonNull(text, "text");
    }

    /** The document with this JSON text. */
    public static Json of(String text) {
        return new Json(text);
    }

    /**
     * A converter storing a Java type as a JSON document. Register it on the database like any
     * converter; a failure of either function reaches the subscriber as a
     * {@link io.rowflow.MappingException} naming the property.
     *
     * @param type the Java type
     * @param write the type to JSON text
     * @param read JSON text to the type
     */
    public static <T> Converter<T, Json> converter(Class<T> type, Function<? super T, String> write,
                                                   Function<String, ? extends T> read) {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(read, "read");
        return Converter.of(type, Json.class, value -> new Json(write.apply(value)), json -> read.apply(json.text()));
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return text;
    }
}
