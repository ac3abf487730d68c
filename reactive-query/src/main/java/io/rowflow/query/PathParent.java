package io.rowflow.query;

import io.rowflow.sql.Expression;
import io.rowflow.sql.TableRef;
import java.util.Objects;

/**
 * Creates typed property paths of one entity (or of a value object embedded in it). Generated
 * metamodel classes extend it through {@link EntityPath} and {@link EmbeddedPath}; code that cannot
 * run the annotation processor calls the same methods by name: {@code Paths.of(Book.class).string("title")}.
 * Property names are checked against the mapping when the query is rendered.
 *
 * @since 0.1
 */
public abstract class PathParent {

    private final TableRef table;
    private final String prefix;

    PathParent(TableRef table, String prefix) {
        this.table = Objects.requireNonNull(table, "table");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** The table reference paths of this parent belong to. */
    public TableRef tableRef() {
        return table;
    }

    /** A text property. */
    public StringPath string(String property) {
        return new StringPath(column(property));
    }

    /** A numeric property. */
    public <N extends Number & Comparable<N>> NumberPath<N> number(String property, Class<N> type) {
        return new NumberPath<>(column(property), type);
    }

    /** A property with ordered values: dates and times, UUIDs, enums... */
    public <T extends Comparable<? super T>> ComparablePath<T> comparable(String property, Class<T> type) {
        return new ComparablePath<>(column(property), type);
    }

    /** A boolean property. */
    public BooleanPath bool(String property) {
        return new BooleanPath(column(property));
    }

    /** A property that can only be compared for equality, such as {@code byte[]}. */
    public <T> SimplePath<T> simple(String property, Class<T> type) {
        return new SimplePath<>(column(property), type);
    }

    /**
     * A property of a parameterized type, such as {@code List<String>} (an array column) or a type
     * with a registered converter: values are read as {@code rawType}, the property's class, and
     * typed as the declared type: {@code SimplePath<List<String>> tags = parameterized("tags", List.class)}.
     */
    @SuppressWarnings("unchecked")
    public <T> SimplePath<T> parameterized(String property, Class<? super T> rawType) {
        return new SimplePath<>(column(property), (Class<T>) Objects.requireNonNull(rawType, "rawType"));
    }

    /** A to-one relationship ({@code Ref<T>} property). */
    public <T> ReferencePath<T> reference(String property, Class<T> targetType) {
        return new ReferencePath<>(table, Objects.requireNonNull(property, "property"), targetType);
    }

    /** A to-many relationship ({@code List<T>} or {@code Set<T>} property). */
    public <T> CollectionPath<T> collection(String property, Class<T> targetType) {
        return new CollectionPath<>(table, Objects.requireNonNull(property, "property"), targetType);
    }

    /** The paths of an embedded value object property. */
    public EmbeddedPath embedded(String property) {
        return new EmbeddedPath(this, Objects.requireNonNull(property, "property"));
    }

    /** The path prefix of properties created here: empty for an entity, {@code home.} inside an embedded {@code home}. */
    protected String prefix() {
        return prefix;
    }

    private Expression.Column column(String property) {
        Objects.requireNonNull(property, "property");
        return new Expression.Column(table, prefix + property);
    }
}
