package io.rowflow;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A to-one relationship ({@code @ManyToOne}, {@code @OneToOne}): the referenced entity's key, and
 * the entity itself once loaded. An unloaded {@code Ref} still knows the id (the foreign key), so
 * saving an entity never loses the link; reading {@link #get()} before loading fails with a
 * {@link RelationNotLoadedException} instead of returning a misleading {@code null}.
 *
 * <p>A {@code null} {@code Ref} field means "no related entity" (a {@code NULL} foreign key).
 *
 * @param <T> the referenced entity type
 * @since 0.1
 */
public final class Ref<T> {

    private final @Nullable Object id;
    private final @Nullable T entity;
    private final boolean loaded;

    private Ref(@Nullable Object id, @Nullable T entity, boolean loaded) {
        this.id = id;
        this.entity = entity;
        this.loaded = loaded;
    }

    /**
     * A reference to the entity with this key, not loaded: its id, or for a composite key the
     * {@link Key} or {@code @Id} record the target's {@code findById} takes.
     */
    public static <T> Ref<T> to(Object id) {
        return new Ref<>(Objects.requireNonNull(id, "id"), null, false);
    }

    /** A loaded reference to an entity; its id is read when the owner is saved. */
    public static <T> Ref<T> of(T entity) {
        return new Ref<>(null, Objects.requireNonNull(entity, "entity"), true);
    }

    /** A loaded reference with a known id. Used by Rowflow when it loads relationships. */
    public static <T> Ref<T> loaded(Object id, T entity) {
        return new Ref<>(Objects.requireNonNull(id, "id"), Objects.requireNonNull(entity, "entity"), true);
    }

    /** An unloaded reference whose id is not known (the inverse side of a one-to-one). */
    public static <T> Ref<T> unknown() {
        return new Ref<>(null, null, false);
    }

    /** Whether the entity was loaded. */
    public boolean isLoaded() {
        return loaded;
    }

    /** The referenced entity; throws {@link RelationNotLoadedException} if it was not loaded. */
    public T get() {
        if (!loaded) {
            throw new RelationNotLoadedException("This reference" + (id == null ? "" : " (id " + id + ")")
                    + " was not loaded; add it to the fetch plan with with(...) or load it with db.load(...)");
        }
        return entity;
    }

    /**
     * The referenced key as stored (the foreign key value), or {@code null} when only the entity is
     * known: the id for a target with a one-column key, a {@link Key} for a target with several
     * {@code @Id} properties, an instance of its {@code @Id} record for a target keyed by one.
     */
    public @Nullable Object id() {
        return id;
    }

    /**
     * The referenced key typed as the target's key type, or {@code null} when only the entity is
     * known: {@code book.author().id(Long.class)}, {@code scene.part().id(Key.class)},
     * {@code shelf.stock().id(StockKey.class)}. A primitive type stands for its wrapper.
     *
     * @throws IllegalArgumentException if the key is not of that type
     * @since 0.2
     */
    @SuppressWarnings("unchecked")
    public <K> @Nullable K id(Class<K> keyType) {
        Objects.requireNonNull(keyType, "keyType");
        if (id == null) {
            return null;
        }
        Class<?> wrapped = java.lang.invoke.MethodType.methodType(keyType).wrap().returnType();
        if (!wrapped.isInstance(id)) {
            throw new IllegalArgumentException("This reference's key " + id + " is a " + id.getClass().getName()
                    + ", not a " + keyType.getName());
        }
        return (K) id;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Ref<?> that)) {
            return false;
        }
        if (id != null && that.id != null) {
            return id.equals(that.id);
        }
        return loaded == that.loaded && Objects.equals(entity, that.entity);
    }

    @Override
    public int hashCode() {
        return id != null ? id.hashCode() : Objects.hashCode(entity);
    }

    @Override
    public String toString() {
        return loaded ? "Ref[" + entity + "]" : "Ref[id=" + id + ", not loaded]";
    }
}
