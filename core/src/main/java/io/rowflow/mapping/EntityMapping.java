package io.rowflow.mapping;

import io.rowflow.Ref;
import io.rowflow.annotation.CascadeType;
import io.rowflow.annotation.EnumType;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a class maps to a table, written in code: for classes you cannot annotate (generated,
 * third-party, shared with other layers). It says what the annotations would say and produces the
 * same description ({@link PropertyMapping}s) that Rowflow reads from annotations, so an entity
 * mapped in code behaves exactly like an annotated one. Register it with
 * {@code Database.builder(factory).mapping(...)}; a registered mapping replaces the class's
 * annotations. Properties are named by method references, checked by the compiler:
 *
 * <pre>{@code
 * EntityMapping<LegacyFilm> films = EntityMapping.entity(LegacyFilm.class)
 *         .table("legacy_film")
 *         .generatedId(LegacyFilm::getId)
 *         .column(LegacyFilm::getTitle, "film_title")
 *         .version(LegacyFilm::getRevision)
 *         .manyToOne(LegacyFilm::getLanguage, "language_id");
 * }</pre>
 *
 * <p>Each call returns a changed copy; a mapping can be shared. Properties that are not mentioned
 * are ordinary columns named by the naming strategy. The query DSL reaches a code-mapped entity
 * through hand-written paths ({@code Paths.of(LegacyFilm.class).string("title")}).
 *
 * @param <T> the mapped class
 * @since 0.2
 */
public final class EntityMapping<T> {

    private final Class<T> type;
    private final @Nullable String table;
    private final @Nullable String schema;
    private final Map<String, PropertyMapping> properties;

    private EntityMapping(Class<T> type, @Nullable String table, @Nullable String schema,
                          Map<String, PropertyMapping> properties) {
        this.type = type;
        this.table = table;
        this.schema = schema;
        this.properties = properties;
    }

    /** The mapping of an entity, in a table named by the naming strategy until {@link #table(String)} names it. */
    public static <T> EntityMapping<T> entity(Class<T> type) {
        return new EntityMapping<>(Objects.requireNonNull(type, "type"), "", null, Map.of());
    }

    /** The mapping of a value object embedded in entities (no table of its own). */
    public static <T> EntityMapping<T> valueObject(Class<T> type) {
        return new EntityMapping<>(Objects.requireNonNull(type, "type"), null, null, Map.of());
    }

    /** The mapped class. */
    public Class<T> type() {
        return type;
    }

    /** The table name; empty for the naming strategy's; {@code null} for a value object. */
    public @Nullable String table() {
        return table;
    }

    /** The schema name, or {@code null} for the connection's default. */
    public @Nullable String schema() {
        return schema;
    }

    /** Whether this maps an entity (a table) rather than a value object. */
    public boolean isEntity() {
        return table != null;
    }

    /** The description of a property: as given, or an ordinary column. */
    public PropertyMapping property(String name) {
        PropertyMapping described = properties.get(name);
        return described != null ? described : PropertyMapping.plain(name);
    }

    /** The properties described explicitly, in the order first described. */
    public Collection<PropertyMapping> describedProperties() {
        return properties.values();
    }

    /** This mapping with the table named. */
    public EntityMapping<T> table(String name) {
        return new EntityMapping<>(type, Objects.requireNonNull(name, "name"), schema, properties);
    }

    /** This mapping with the table in a schema. */
    public EntityMapping<T> schema(String name) {
        return new EntityMapping<>(type, table, Objects.requireNonNull(name, "name"), properties);
    }

    /** This mapping with a property described in full, replacing what was said about it. */
    public EntityMapping<T> with(PropertyMapping property) {
        Map<String, PropertyMapping> copy = new LinkedHashMap<>(properties);
        copy.put(property.name(), property);
        return new EntityMapping<>(type, table, schema, java.util.Collections.unmodifiableMap(copy));
    }

    /**
     * The property is (part of) the primary key. Several calls make a composite key of the
     * properties in declaration order; a record property makes it a key record.
     */
    public EntityMapping<T> id(Getter<T, ?> property) {
        return change(property, p -> p.withId(false));
    }

    /** The property is the key, an identity column the database generates. */
    public EntityMapping<T> generatedId(Getter<T, ?> property) {
        return change(property, p -> p.withId(true));
    }

    /**
     * The property is the key, generated as described when an entity is inserted without one
     * (a sequence, UUIDs, a registered {@link IdGenerator}); the same as
     * {@code @Id @GeneratedValue(strategy = ...)}.
     *
     * @since 0.2
     */
    public EntityMapping<T> generatedId(Getter<T, ?> property, IdGeneration generation) {
        Objects.requireNonNull(generation, "generation");
        return change(property, p -> p.withIdGeneration(generation));
    }

    /**
     * The database sets the column ({@code GENERATED ALWAYS AS ...}, a trigger, a default the
     * application never overrides): never written, read back after insert, and after update too
     * when {@code onUpdate}; the same as {@code @DatabaseGenerated}.
     *
     * @since 0.2
     */
    public EntityMapping<T> databaseGenerated(Getter<T, ?> property, io.rowflow.annotation.GenerationTime when) {
        Objects.requireNonNull(when, "when");
        return change(property, p -> p.withWriteMode(when == io.rowflow.annotation.GenerationTime.INSERT
                ? WriteMode.GENERATED_ON_INSERT : WriteMode.GENERATED_ON_INSERT_AND_UPDATE));
    }

    /**
     * The column has a database default applied when the property is {@code null} on insert, and
     * read back; the same as {@code @DatabaseDefault}.
     *
     * @since 0.2
     */
    public EntityMapping<T> databaseDefault(Getter<T, ?> property) {
        return change(property, p -> p.withWriteMode(WriteMode.DEFAULT_WHEN_NULL));
    }

    /**
     * The column is read by queries but never written; the same as {@code @ReadOnly}.
     *
     * @since 0.2
     */
    public EntityMapping<T> readOnly(Getter<T, ?> property) {
        return change(property, p -> p.withWriteMode(WriteMode.READ_ONLY));
    }

    /**
     * Rowflow fills the property with an audit value before writing the entity; the same as
     * {@code @CreatedAt}, {@code @UpdatedAt}, {@code @CreatedBy} or {@code @UpdatedBy}.
     *
     * @since 0.2
     */
    public EntityMapping<T> audited(Getter<T, ?> property, AuditRole role) {
        Objects.requireNonNull(role, "role");
        return change(property, p -> p.withAudit(role));
    }

    /** The property is the optimistic-lock version ({@code int}, {@code long} or their wrappers). */
    public EntityMapping<T> version(Getter<T, ?> property) {
        return change(property, PropertyMapping::withVersion);
    }

    /** The property's column name. */
    public EntityMapping<T> column(Getter<T, ?> property, String column) {
        Objects.requireNonNull(column, "column");
        return change(property, p -> p.withColumn(column, p.nullable()));
    }

    /**
     * The column's database type, where it is not the dialect's default for the Java type: a
     * PostgreSQL enum or domain ({@code mpaa_rating}); the same as {@code @Column(type = ...)}.
     */
    public EntityMapping<T> databaseType(Getter<T, ?> property, String type) {
        Objects.requireNonNull(type, "type");
        return change(property, p -> p.withDatabaseType(type));
    }

    /** The property is not stored (classes only: a record needs every component). */
    public EntityMapping<T> ignore(Getter<T, ?> property) {
        return change(property, PropertyMapping::withIgnored);
    }

    /** The property is a value object flattened into columns named with this prefix. */
    public EntityMapping<T> embedded(Getter<T, ?> property, String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return change(property, p -> p.withEmbedded(prefix));
    }

    /** The enum property is stored by ordinal instead of by name. */
    public EntityMapping<T> ordinal(Getter<T, ? extends Enum<?>> property) {
        return change(property, p -> p.withEnumType(EnumType.ORDINAL));
    }

    /**
     * The {@code Ref} property is a many-to-one relationship with foreign-key columns of these
     * names (one per key column of the target, in its key order; none for the default names).
     */
    public <R> EntityMapping<T> manyToOne(Getter<T, Ref<R>> property, String... joinColumns) {
        RelationMapping relation = new RelationMapping(RelationModel.Kind.MANY_TO_ONE, true, null,
                Arrays.asList(joinColumns), true, null, null, null, Set.of());
        return change(property, p -> p.withRelation(relation));
    }

    /** The collection property is the inverse side of the target's many-to-one named {@code mappedBy}. */
    public <R> EntityMapping<T> oneToMany(Getter<T, ? extends Collection<R>> property, String mappedBy,
                                          CascadeType... cascade) {
        RelationMapping relation = new RelationMapping(RelationModel.Kind.ONE_TO_MANY, false,
                Objects.requireNonNull(mappedBy, "mappedBy"), List.of(), true, null, null, null, Set.of(cascade));
        return change(property, p -> p.withRelation(relation));
    }

    /** The collection property is the owning side of a many-to-many through a link table. */
    public <R> EntityMapping<T> manyToMany(Getter<T, ? extends Collection<R>> property, String joinTable,
                                           String joinColumn, String inverseJoinColumn, CascadeType... cascade) {
        RelationMapping relation = new RelationMapping(RelationModel.Kind.MANY_TO_MANY, true, null, List.of(), true,
                Objects.requireNonNull(joinTable, "joinTable"), Objects.requireNonNull(joinColumn, "joinColumn"),
                Objects.requireNonNull(inverseJoinColumn, "inverseJoinColumn"), Set.of(cascade));
        return change(property, p -> p.withRelation(relation));
    }

    private EntityMapping<T> change(Getter<T, ?> property, java.util.function.UnaryOperator<PropertyMapping> change) {
        String name = Objects.requireNonNull(property, "property").propertyName();
        return with(change.apply(property(name)));
    }

    @Override
    public String toString() {
        return "EntityMapping[" + type.getName() + (table == null ? " (value object)" : " -> " + table) + "]";
    }
}
