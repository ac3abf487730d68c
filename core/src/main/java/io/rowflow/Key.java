package io.rowflow;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The value of a composite primary key mapped as several {@code @Id} properties: the key
 * properties' values in declaration order. Two keys are equal when their values are, so a key
 * can index maps and be compared with the key of a loaded entity.
 *
 * <pre>{@code
 * @Table(name = "film_actor")
 * record FilmActor(@Id int actorId, @Id int filmId, String role) {}
 *
 * db.findById(FilmActor.class, Key.of(1, 23));        // actor 1, film 23
 * db.deleteById(FilmActor.class, Key.of(1, 23));
 * }</pre>
 *
 * <p>Each value must have the Java type of its property (the wrapper of a primitive), or the key
 * is refused with a {@link QueryException}. An entity whose key is one {@code @Id} value object
 * (a record of the key columns) uses that record as its key instead; an entity with one
 * {@code @Id} column uses the column's value. Every {@code ...ById} operation also accepts an
 * instance of the entity itself and uses its key.
 *
 * @since 0.2
 */
public final class Key {

    private final Object[] values;

    private Key(Object[] values) {
        this.values = values;
    }

    /**
     * The key with these values, in the order the entity declares its {@code @Id} properties.
     *
     * @throws NullPointerException if a value is {@code null}
     * @throws IllegalArgumentException if fewer than two values are given
     */
    public static Key of(Object... values) {
        Objects.requireNonNull(values, "values");
        if (values.length < 2) {
            throw new IllegalArgumentException("A Key has at least two values; use the value itself for a one-column key");
        }
        Object[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            Objects.requireNonNull(copy[i], "Key value " + i);
        }
        return new Key(copy);
    }

    /** The number of values (key columns). */
    public int size() {
        return values.length;
    }

    /** The value at {@code index}, in declaration order of the key properties. */
    public Object get(int index) {
        return values[index];
    }

    /** The values in declaration order of the key properties. */
    public List<Object> values() {
        return List.of(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Key that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Key" + Arrays.toString(values);
    }
}
