package io.rowflow.internal.mapping;

import io.rowflow.QueryException;
import io.rowflow.internal.convert.StoredValues;
import io.rowflow.mapping.ColumnModel;
import io.rowflow.mapping.EntityModel;
import io.rowflow.mapping.RelationModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built model of one entity (or projection) class: columns flattened in declaration order,
 * plus the conversions between an instance and its column values.
 *
 * @param <T> the mapped type
 */
public final class DefaultEntityModel<T> implements EntityModel<T> {

    private final Class<T> type;
    private final String tableName;
    private final @Nullable String schemaName;
    private final CompositeType root;
    private final List<MappedColumn> columns;
    private final @Nullable EntityKey key;
    private final @Nullable MappedColumn versionColumn;
    private final Map<String, MappedColumn> columnsByPath;
    private final boolean entity;
    private final boolean shareable;

    private final List<MappedRelation> relations;
    /** How each column is read from a row, indexed like {@link #mappedColumns()}. */
    private final StoredValues.Reader[] readers;

    DefaultEntityModel(Class<T> type, String tableName, @Nullable String schemaName, CompositeType root,
                       List<MappedColumn> columns, List<MappedRelation> relations, @Nullable EntityKey key,
                       boolean entity) {
        this.relations = List.copyOf(relations);
        this.type = type;
        this.tableName = tableName;
        this.schemaName = schemaName;
        this.root = root;
        this.columns = List.copyOf(columns);
        this.entity = entity;
        this.shareable = !root.anyPartMutable()
                && columns.stream().allMatch(column -> ValueMutability.isImmutable(column.javaType()));
        this.key = key;
        this.versionColumn = columns.stream().filter(MappedColumn::isVersion).findFirst().orElse(null);
        Map<String, MappedColumn> byPath = new LinkedHashMap<>();
        columns.forEach(c -> byPath.put(c.propertyPath(), c));
        this.columnsByPath = Collections.unmodifiableMap(byPath);
        this.readers = this.columns.stream().map(column -> StoredValues.reader(column.storedType()))
                .toArray(StoredValues.Reader[]::new);
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public @Nullable String schemaName() {
        return schemaName;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<ColumnModel> columns() {
        return (List) columns;
    }

    /** The columns with their internal details. */
    public List<MappedColumn> mappedColumns() {
        return columns;
    }

    /** How the column at {@code index} of {@link #mappedColumns()} is read from a row, resolved once. */
    public StoredValues.Reader reader(int index) {
        return readers[index];
    }

    /** Whether this is a {@code @Table} entity (as opposed to a projection type). */
    public boolean isEntity() {
        return entity;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<RelationModel> relations() {
        return (List) relations;
    }

    /** The relationships with their internal details. */
    public List<MappedRelation> mappedRelations() {
        return relations;
    }

    @Override
    public @Nullable MappedRelation relation(String name) {
        for (MappedRelation relation : relations) {
            if (relation.name().equals(name)) {
                return relation;
            }
        }
        return null;
    }

    /** The key of this entity type: its columns and how key values are built and split. */
    public EntityKey key() {
        if (key == null) {
            throw new IllegalStateException(type.getName() + " has no key");
        }
        return key;
    }

    /** The key value of an entity, or {@code null} when a key column is null (not inserted yet). */
    public @Nullable Object idOf(T entity) {
        return keyValue(entity, key());
    }

    /**
     * A key argument of a {@code ...ById} call as a key value: a key value as it is, an instance of
     * this entity as its key (a {@link QueryException} when that key is incomplete).
     */
    @SuppressWarnings("unchecked")
    public Object keyArgument(Object id) {
        if (type.isInstance(id) && !key().accepts(id)) {
            Object value = idOf((T) id);
            if (value == null) {
                throw new QueryException("The " + type.getName() + " given as a key has no value for every key column "
                        + key().describeColumns());
            }
            return value;
        }
        return id;
    }

    /**
     * The value an entity holds for a key over its columns (its own key, a unique column, a foreign
     * key), or {@code null} when one of the columns is null.
     */
    public @Nullable Object keyValue(T entity, EntityKey key) {
        List<MappedColumn> keyColumns = key.columns();
        if (keyColumns.size() == 1) {
            return valueOf(entity, keyColumns.get(0));
        }
        Object[] values = new Object[keyColumns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = valueOf(entity, keyColumns.get(i));
        }
        return key.fromColumns(values);
    }

    /** The current value of a relationship property: a {@code Ref}, a collection, or {@code null}. */
    public @Nullable Object relationValue(T entity, MappedRelation relation) {
        Object[] values = new Object[relations.size()];
        root.extractRelations(entity, values);
        return values[relation.index()];
    }

    /**
     * Returns the entity with a relationship set to a loaded value ({@code null} for "no related
     * entity"): a mutable entity is changed in place, an immutable one is copied.
     */
    @SuppressWarnings("unchecked")
    public T withRelation(T entity, MappedRelation relation, @Nullable Object value) {
        if (root.mutable()) {
            for (Property property : root.properties()) {
                if (property.relation() == relation) {
                    root.set(entity, property, value);
                }
            }
            return entity;
        }
        return (T) root.withProperty(entity, relation, value);
    }

    @Override
    public MappedColumn idColumn() {
        return key().column();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<ColumnModel> keyColumns() {
        return (List) key().columns();
    }

    @Override
    public @Nullable MappedColumn versionColumn() {
        return versionColumn;
    }

    @Override
    public @Nullable MappedColumn column(String propertyPath) {
        return columnsByPath.get(propertyPath);
    }

    /** The column values of an entity, indexed like {@link #mappedColumns()}; Java values, not yet converted. */
    public Object[] extract(T entity) {
        Object[] values = new Object[columns.size()];
        root.extract(entity, values);
        return values;
    }

    /** The value of one column in an entity. */
    public @Nullable Object valueOf(T entity, MappedColumn column) {
        return root.read(entity, column);
    }

    /** Whether entities of this type are changed in place (mutable classes) rather than copied (records, immutables). */
    public boolean mutable() {
        return root.mutable();
    }

    /**
     * A new entity with the same column values (arrays and dates copied too) and no relationship
     * loaded: what one caller may change without another seeing it.
     */
    public T copy(T entity) {
        Object[] values = extract(entity);
        for (int i = 0; i < values.length; i++) {
            values[i] = ValueMutability.detach(values[i]);
        }
        return assemble(values);
    }

    /**
     * Whether one instance may be handed to several callers: an immutable type (a record or an
     * immutable class, embedded value objects included) whose column values are all immutable too. Otherwise each caller needs its
     * own {@link #copy}.
     */
    public boolean shareable() {
        return shareable;
    }

    /** Creates an entity from column values indexed like {@link #mappedColumns()}. */
    @SuppressWarnings("unchecked")
    public T assemble(Object[] columnValues) {
        return (T) root.assemble(columnValues, null, false);
    }

    @SuppressWarnings("unchecked")
    private T rebuild(Object[] columnValues, Object[] relationValues) {
        return (T) root.assemble(columnValues, relationValues, false);
    }

    /** The relation values of an entity, with {@code null} properties kept as "loaded, none". */
    private Object[] relationValues(T entity) {
        Object[] values = new Object[relations.size()];
        root.extractRelations(entity, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = CompositeType.NO_TARGET;
            }
        }
        return values;
    }

    /**
     * Returns the entity with some column values replaced: a mutable entity is changed in place and
     * returned, an immutable one (a record) is copied.
     */
    public T with(T entity, Map<MappedColumn, Object> replacements) {
        if (root.mutable() && replacements.keySet().stream().allMatch(c -> c.propertyPath().indexOf('.') < 0)) {
            for (Property property : root.properties()) {
                MappedColumn column = property.column();
                if (column != null && replacements.containsKey(column)) {
                    root.set(entity, property, replacements.get(column));
                }
            }
            return entity;
        }
        Object[] values = extract(entity);
        replacements.forEach((column, value) -> values[column.index()] = value);
        return rebuild(values, relationValues(entity));
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getName() + " -> " + tableName + "]";
    }
}
