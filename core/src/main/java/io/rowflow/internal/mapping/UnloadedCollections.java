package io.rowflow.internal.mapping;

import io.rowflow.RelationNotLoadedException;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.Iterator;

/**
 * The value of a collection relationship that was not loaded: any read throws a
 * {@link RelationNotLoadedException} naming the relationship, while {@code toString}, {@code equals}
 * and {@code hashCode} stay harmless so entities can still be logged and compared.
 */
public final class UnloadedCollections {

    private UnloadedCollections() {
    }

    /** An unloaded list for a relationship. */
    public static <E> java.util.List<E> list(String relation) {
        return new UnloadedList<>(relation);
    }

    /** An unloaded set for a relationship. */
    public static <E> java.util.Set<E> set(String relation) {
        return new UnloadedSet<>(relation);
    }

    /** Whether a collection is such an unloaded marker. */
    public static boolean isUnloaded(Object collection) {
        return collection instanceof Unloaded;
    }

    private static RelationNotLoadedException notLoaded(String relation) {
        return new RelationNotLoadedException(relation + " was not loaded; add it to the fetch plan with with(...) "
                + "or load it with db.load(...)");
    }

    private interface Unloaded {
    }

    private static final class UnloadedList<E> extends AbstractList<E> implements Unloaded {
        private final String relation;

        UnloadedList(String relation) {
            this.relation = relation;
        }

        @Override
        public E get(int index) {
            throw notLoaded(relation);
        }

        @Override
        public int size() {
            throw notLoaded(relation);
        }

        @Override
        public Iterator<E> iterator() {
            throw notLoaded(relation);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof UnloadedList<?> that && relation.equals(that.relation);
        }

        @Override
        public int hashCode() {
            return relation.hashCode();
        }

        @Override
        public String toString() {
            return "[not loaded]";
        }
    }

    private static final class UnloadedSet<E> extends AbstractSet<E> implements Unloaded {
        private final String relation;

        UnloadedSet(String relation) {
            this.relation = relation;
        }

        @Override
        public Iterator<E> iterator() {
            throw notLoaded(relation);
        }

        @Override
        public int size() {
            throw notLoaded(relation);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof UnloadedSet<?> that && relation.equals(that.relation);
        }

        @Override
        public int hashCode() {
            return relation.hashCode();
        }

        @Override
        public String toString() {
            return "[not loaded]";
        }
    }
}
