package io.rowflow.internal.mapping;

import io.rowflow.Key;
import io.rowflow.MappingException;
import io.rowflow.QueryException;
import io.rowflow.annotation.Embedded;
import io.rowflow.annotation.EntityConstructor;
import io.rowflow.annotation.EnumType;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.convert.ValueCodec;
import io.rowflow.mapping.EntityMapping;
import io.rowflow.mapping.IdGeneration;
import io.rowflow.mapping.WriteMode;
import io.rowflow.mapping.PropertyMapping;
import io.rowflow.mapping.RelationMapping;
import io.rowflow.mapping.NamingStrategy;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link DefaultEntityModel}s from annotations, validating as it goes so that a broken
 * entity fails at first use with a {@link MappingException} naming the class and field.
 */
final class EntityModelBuilder {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");
    private static final Set<Class<?>> ID_GENERATED_TYPES = Set.of(Integer.class, Long.class, Short.class);
    private static final Set<Class<?>> VERSION_TYPES = Set.of(int.class, Integer.class, long.class, Long.class);
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private final NamingStrategy naming;
    private final ConverterRegistry converters;
    private final Function<Class<?>, DefaultEntityModel<Object>> modelLookup;
    private final Function<Class<?>, EntityMapping<?>> mappings;

    /**
     * A builder reading each class's description from {@code mappings}: its annotations, or the
     * {@link EntityMapping} registered for it in code. Both are the same description, so the
     * model does not depend on where it came from.
     */
    EntityModelBuilder(NamingStrategy naming, ConverterRegistry converters,
                       Function<Class<?>, DefaultEntityModel<Object>> modelLookup,
                       Function<Class<?>, EntityMapping<?>> mappings) {
        this.naming = naming;
        this.converters = converters;
        this.modelLookup = modelLookup;
        this.mappings = mappings;
    }

    /**
     * Builds the model of a {@code @Table} entity. Its key is one {@code @Id} column, one
     * {@code @Id} value object (a record of the key columns), or several {@code @Id} properties.
     */
    <T> DefaultEntityModel<T> entity(Class<T> type) {
        EntityMapping<?> mapping = mappings.apply(type);
        if (!mapping.isEntity()) {
            throw new MappingException(type.getName() + " is not an entity: annotate it with @Table "
                    + "(or register an EntityMapping for it)");
        }
        String tableName = mapping.table().isEmpty() ? naming.tableName(type) : mapping.table();
        checkIdentifier(tableName, type.getName(), "table name");
        String schema = mapping.schema();
        if (schema != null) {
            checkIdentifier(schema, type.getName(), "schema name");
        }
        Build build = new Build(type.getName());
        CompositeType root = composite(type, "", "", build, true);
        EntityKey key = key(type, build);
        checkLinkTables(key, build);
        return new DefaultEntityModel<>(type, tableName, schema, root, build.columns, build.relations, key, true);
    }

    /** Builds the model of a projection type (record or class) read from rows by column name. */
    <T> DefaultEntityModel<T> projection(Class<T> type) {
        Build build = new Build(type.getName());
        CompositeType root = composite(type, "", "", build, true);
        return new DefaultEntityModel<>(type, naming.tableName(type), null, root, build.columns, build.relations, null,
                false);
    }

    private CompositeType composite(Class<?> type, String pathPrefix, String columnPrefix, Build build, boolean root) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isPrimitive() || type.isArray()) {
            throw new MappingException(type.getName() + " cannot be mapped: it must be a concrete class or a record");
        }
        EntityMapping<?> mapping = mappings.apply(type);
        List<PropertySource> sources = type.isRecord() ? recordProperties(type, mapping) : fieldProperties(type, mapping);
        checkDescribed(type, mapping);
        if (sources.isEmpty()) {
            throw new MappingException(type.getName() + " has no mapped properties");
        }
        Instantiation instantiation = type.isRecord() ? recordConstructor(type, sources) : classConstructor(type, sources);
        List<Property> properties = new ArrayList<>();
        for (PropertySource source : sources) {
            properties.add(property(type, source, pathPrefix, columnPrefix, build, root, instantiation.mutable));
        }
        return new CompositeType(type, properties, instantiation.instantiator, instantiation.mutable);
    }

    private Property property(Class<?> owner, PropertySource source, String pathPrefix, String columnPrefix,
                              Build build, boolean root, boolean mutable) {
        String where = owner.getName() + "." + source.name;
        PropertyMapping mapping = source.mapping;
        boolean id = mapping.id();
        boolean version = mapping.version();
        boolean generated = mapping.generated();
        if (generated && !id) {
            throw new MappingException(where + " is @GeneratedValue but not @Id; only the id can be generated");
        }
        if (!root && (id || version)) {
            throw new MappingException(where + " is inside an @Embedded value object and cannot be @Id or @Version");
        }
        if (mutable && source.setter == null) {
            throw new MappingException(where + " is final and has no setter; make it non-final, add a setter, "
                    + "or give " + owner.getSimpleName() + " an @EntityConstructor");
        }
        if (mapping.relation() != null) {
            if (!root) {
                throw new MappingException(where + " is a relationship inside an @Embedded value object; "
                        + "relationships belong on the entity itself");
            }
            return relationProperty(owner, source, build);
        }
        String embedded = mapping.embeddedPrefix();
        if (id && embedded == null && isValueObject(source.type)) {
            return keyValueObject(where, source, "", build);
        }
        if (embedded != null) {
            if (version) {
                throw new MappingException(where + " cannot be both @Embedded and @Version");
            }
            String prefix = Embedded.DEFAULT_PREFIX.equals(embedded) ? naming.columnName(source.name) + "_" : embedded;
            if (id) {
                return keyValueObject(where, source, columnPrefix + prefix, build);
            }
            return new Property(source.name, source.getter, source.setter, null,
                    embedded(where, source.type, pathPrefix + source.name + ".", columnPrefix + prefix, build), false);
        }
        MappedColumn column = column(owner, source, pathPrefix, columnPrefix, build, id, version, generated);
        return new Property(source.name, source.getter, source.setter, column, null, source.type.isPrimitive());
    }

    /** Whether a type is a value object of several properties rather than a value stored in one column. */
    private boolean isValueObject(Class<?> type) {
        return !type.isPrimitive() && !type.isEnum() && !type.isArray() && !type.isInterface()
                && !type.getPackageName().startsWith("java.") && converters.codecFor(type, EnumType.NAME) == null;
    }

    /**
     * Maps an {@code @Id} value object: its properties become the key columns (named without a
     * prefix unless {@code @Embedded(prefix = ...)} gives one), and the object is the key value.
     */
    private Property keyValueObject(String where, PropertySource source, String columnPrefix, Build build) {
        if (build.keyObject != null) {
            throw new MappingException(where + " is a second @Id value object; " + build.owner + " already has "
                    + build.keyObject.name);
        }
        int first = build.columns.size();
        build.inKey = true;
        CompositeType keyType;
        try {
            keyType = embedded(where, source.type, source.name + ".", columnPrefix, build, "is an @Id value object");
        } finally {
            build.inKey = false;
        }
        Property property = new Property(source.name, source.getter, source.setter, null, keyType, false);
        build.keyObject = new KeyObject(source.name, keyType, List.copyOf(build.columns.subList(first, build.columns.size())));
        return property;
    }

    /** Maps an embedded value object; a failure inside it names the embedding property too. */
    private CompositeType embedded(String where, Class<?> type, String pathPrefix, String columnPrefix, Build build) {
        return embedded(where, type, pathPrefix, columnPrefix, build, "is @Embedded");
    }

    private CompositeType embedded(String where, Class<?> type, String pathPrefix, String columnPrefix, Build build,
                                   String role) {
        if (type.isPrimitive() || type.isEnum() || type.getPackageName().equals("java.lang")
                || converters.codecFor(type, EnumType.NAME) != null) {
            throw new MappingException(where + " is @Embedded, but " + type.getName()
                    + " is a single value stored in one column, not a value object; remove @Embedded");
        }
        try {
            return composite(type, pathPrefix, columnPrefix, build, false);
        } catch (MappingException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new MappingException(where + " " + role + ", but " + e.getMessage(), e);
        }
    }

    private MappedColumn column(Class<?> owner, PropertySource source, String pathPrefix, String columnPrefix,
                                Build build, boolean id, boolean version, boolean generated) {
        String where = owner.getName() + "." + source.name;
        PropertyMapping mapping = source.mapping;
        EnumType enumType = mapping.enumType();
        ValueCodec codec = source.type == List.class && converters.codecFor(List.class, enumType) == null
                ? converters.codecFor(source.genericType, enumType)
                : converters.codecFor(source.type, enumType);
        if (codec == null) {
            String arrays = source.type.isArray() || source.type == List.class
                    ? " (arrays and lists are stored only by dialects with array columns, such as PostgreSQL)" : "";
            throw new MappingException(where + " has type " + source.type.getName()
                    + ", which Rowflow cannot store" + arrays + ": register a Converter for it on the Database, "
                    + "mark the field @Transient, or mark a value object @Embedded");
        }
        if (build.inKey && (version || generated)) {
            throw new MappingException(where + " is in an @Id value object and cannot be @Version or @GeneratedValue");
        }
        id |= build.inKey;
        if (version && build.columns.stream().anyMatch(MappedColumn::isVersion)) {
            throw new MappingException(build.owner + " has more than one @Version property (" + source.name + ")");
        }
        if (version && !VERSION_TYPES.contains(source.type)) {
            throw new MappingException(where + " is @Version but has type " + source.type.getName()
                    + "; use int, long, Integer or Long");
        }
        IdGeneration generation = generated ? mapping.idGeneration() : null;
        if (generation != null) {
            checkIdGeneration(where, source.type, codec, generation);
        }
        WriteMode writeMode = mapping.writeMode();
        if (writeMode != WriteMode.WRITTEN && (id || version)) {
            throw new MappingException(where + " is " + (id ? "@Id" : "@Version") + " and " + describe(writeMode)
                    + "; a key is generated with @GeneratedValue, and Rowflow itself writes the version");
        }
        if (writeMode == WriteMode.DEFAULT_WHEN_NULL && source.type.isPrimitive()) {
            throw new MappingException(where + " is @DatabaseDefault but has the primitive type " + source.type.getName()
                    + ", which is never null, so the database's default would never apply; use "
                    + EntityKey.wrap(source.type).getSimpleName());
        }
        String columnName = columnPrefix + (mapping.column() == null ? naming.columnName(source.name) : mapping.column());
        checkIdentifier(columnName, where, "column name");
        for (MappedColumn existing : build.columns) {
            if (existing.columnName().equalsIgnoreCase(columnName)) {
                String hint = build.relationColumns.contains(existing) ? " (a property sharing a column with a "
                        + "relationship's foreign key must be declared before the relationship)" : "";
                throw new MappingException(build.owner + " maps column '" + columnName + "' twice: from "
                        + existing.propertyPath() + " and from " + pathPrefix + source.name + hint);
            }
        }
        boolean nullable = !id && !version && !source.type.isPrimitive() && mapping.nullable();
        ValueCodec columnCodec = codec.forProperty(build.owner + "." + pathPrefix + source.name
                + " (column '" + columnName + "')");
        MappedColumn mapped = new MappedColumn(pathPrefix + source.name, columnName, source.type, nullable,
                mapping.length(), mapping.precision(), mapping.scale(), mapping.unique(), id, generated, version,
                mapping.references(), build.columns.size(), columnCodec, build.owner,
                DatabaseTypeNames.declared(mapping.databaseType(), build.owner + "." + pathPrefix + source.name),
                generation, writeMode, mapping.defaultExpression(), audit(where, source.type, mapping, id || version));
        build.columns.add(mapped);
        return mapped;
    }

    /** The property's audit role, checked against its type. */
    private static io.rowflow.mapping.@Nullable AuditRole audit(String where, Class<?> type, PropertyMapping mapping,
                                                             boolean keyOrVersion) {
        io.rowflow.mapping.AuditRole role = mapping.audit();
        if (role == null) {
            return null;
        }
        String annotation = "@" + switch (role) {
            case CREATED_AT -> "CreatedAt";
            case UPDATED_AT -> "UpdatedAt";
            case CREATED_BY -> "CreatedBy";
            case UPDATED_BY -> "UpdatedBy";
        };
        if (keyOrVersion || !mapping.writeMode().writable()) {
            throw new MappingException(where + " is " + annotation + " but also a key, a version, or a column Rowflow "
                    + "does not write; an audit column is an ordinary written column");
        }
        if (role.isTime() && !AUDIT_TIME_TYPES.contains(type)) {
            throw new MappingException(where + " is " + annotation + " but has type " + type.getName()
                    + "; use Instant, OffsetDateTime, LocalDateTime, long or Long");
        }
        if (!role.isTime() && type.isPrimitive()) {
            throw new MappingException(where + " is " + annotation + " but has the primitive type " + type.getName()
                    + ", which cannot be left null without an auditor; use " + EntityKey.wrap(type).getSimpleName());
        }
        return role;
    }

    private static final java.util.Set<Class<?>> AUDIT_TIME_TYPES = java.util.Set.of(java.time.Instant.class,
            java.time.OffsetDateTime.class, java.time.LocalDateTime.class, long.class, Long.class);

    private static void checkIdGeneration(String where, Class<?> type, ValueCodec codec, IdGeneration generation) {
        switch (generation.strategy()) {
            case IDENTITY, SEQUENCE -> {
                if (!ID_GENERATED_TYPES.contains(codec.storedType())) {
                    throw new MappingException(where + " is @GeneratedValue(strategy = " + generation.strategy()
                            + ") but has type " + type.getName() + "; identity and sequence keys must be integer types");
                }
                if (generation.sequence() != null) {
                    for (String part : generation.sequence().split("\\.", -1)) {
                        checkIdentifier(part, where, "sequence name");
                    }
                }
            }
            case UUID_V4, UUID_V7 -> {
                if (type != java.util.UUID.class) {
                    throw new MappingException(where + " is @GeneratedValue(strategy = " + generation.strategy()
                            + ") but has type " + type.getName() + "; UUID keys must be java.util.UUID");
                }
            }
            case GENERATOR -> {
                // the generator's values are checked against the type when they arrive
            }
        }
    }

    private static String describe(WriteMode mode) {
        return switch (mode) {
            case DEFAULT_WHEN_NULL -> "@DatabaseDefault";
            case GENERATED_ON_INSERT, GENERATED_ON_INSERT_AND_UPDATE -> "@DatabaseGenerated";
            case READ_ONLY -> "@ReadOnly";
            case WRITTEN -> "written";
        };
    }

    // ---- the key ----

    /**
     * The key of an entity: one {@code @Id} column; one {@code @Id} value object, whose instances
     * are the key values; or several {@code @Id} properties, whose values a {@link Key} holds.
     */
    private static EntityKey key(Class<?> type, Build build) {
        List<MappedColumn> ids = build.columns.stream().filter(MappedColumn::isId).toList();
        if (ids.isEmpty()) {
            throw new MappingException(type.getName() + " has no @Id property; every entity needs a key: one @Id "
                    + "property, one @Id value object (a record of the key columns) or several @Id properties");
        }
        KeyObject object = build.keyObject;
        if (object != null) {
            if (ids.size() != object.columns.size()) {
                List<String> others = ids.stream().filter(c -> !object.columns.contains(c))
                        .map(MappedColumn::propertyPath).toList();
                throw new MappingException(type.getName() + " has the @Id value object " + object.name
                        + " and also the @Id properties " + others + "; a key is either one @Id value object "
                        + "or several @Id properties, not both");
            }
            if (object.columns.size() < 2) {
                throw new MappingException(type.getName() + "." + object.name + " is an @Id value object of one "
                        + "column; map that column as the @Id property itself, or register a Converter for "
                        + object.type.type().getName());
            }
            return valueObjectKey(type, object, build.columns.size());
        }
        if (ids.size() == 1) {
            return EntityKey.single(type.getName(), ids.get(0));
        }
        for (MappedColumn column : ids) {
            if (column.isGenerated()) {
                throw new MappingException(column.describe() + " is @GeneratedValue, but " + type.getName()
                        + " has a composite key " + ids.stream().map(MappedColumn::propertyPath).toList()
                        + "; only a one-column key can be generated");
            }
        }
        return EntityKey.composite(type.getName(), ids, Key.class, Key::of, key -> keyValues(type, ids, (Key) key));
    }

    /**
     * A link table holds one column per side, so both sides of a many-to-many need one-column
     * keys (a link-table entity with a composite key of its own is fine).
     */
    private void checkLinkTables(EntityKey key, Build build) {
        for (MappedRelation relation : build.relations) {
            if (relation.kind() != io.rowflow.mapping.RelationModel.Kind.MANY_TO_MANY) {
                continue;
            }
            String where = relation.describe();
            if (key.composite()) {
                throw new MappingException(where + " is a @ManyToMany, but " + build.owner + " has a composite key "
                        + key.describeColumns() + "; a link table has one column per side, so map the link table "
                        + "as an entity with @ManyToOne properties instead");
            }
            int targetColumns = keyShape(relation.targetType(), where).parts().size();
            if (targetColumns > 1) {
                throw new MappingException(where + " is a @ManyToMany, but " + relation.targetType().getName()
                        + " has a composite key of " + targetColumns + " columns; a link table has one column per "
                        + "side, so map the link table as an entity with @ManyToOne properties instead");
            }
        }
    }

    /** The values of a {@link Key}, checked against the key properties' count and types. */
    private static Object[] keyValues(Class<?> type, List<MappedColumn> columns, Key key) {
        if (key.size() != columns.size()) {
            throw new QueryException(type.getName() + " has a key of " + columns.size() + " values "
                    + columns.stream().map(MappedColumn::propertyPath).toList() + ", but " + key + " has " + key.size());
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            MappedColumn column = columns.get(i);
            Object value = key.get(i);
            if (!EntityKey.wrap(column.javaType()).isInstance(value)) {
                throw new QueryException("Value " + i + " of " + key + " is for " + column.describe() + ", a "
                        + column.javaType().getName() + ", not a " + value.getClass().getName());
            }
            values[i] = value;
        }
        return values;
    }

    /** The key of an entity whose {@code @Id} is a value object: instances of that object are the key values. */
    private static EntityKey valueObjectKey(Class<?> type, KeyObject object, int columnCount) {
        List<MappedColumn> columns = List.copyOf(object.columns);
        CompositeType keyType = object.type;
        return EntityKey.composite(type.getName(), columns, keyType.type(), values -> {
            Object[] all = new Object[columnCount];
            for (int i = 0; i < values.length; i++) {
                all[columns.get(i).index()] = values[i];
            }
            return keyType.assemble(all, null, false);
        }, key -> {
            Object[] all = new Object[columnCount];
            keyType.extract(key, all);
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = all[columns.get(i).index()];
            }
            return values;
        });
    }

    /** The {@code @Id} value object of an entity while it is built. */
    private record KeyObject(String name, CompositeType type, List<MappedColumn> columns) {
    }

    // ---- relationships ----

    private Property relationProperty(Class<?> owner, PropertySource source, Build build) {
        String where = owner.getName() + "." + source.name;
        RelationMapping annotations = source.mapping.relation();
        Class<?> target = RelationAnnotations.targetType(source.type, source.genericType, annotations.kind(), where);
        if (!mappings.apply(target).isEntity()) {
            throw new MappingException(where + " relates to " + target.getName() + ", which is not an entity: annotate it with @Table");
        }
        EntityKey foreignKey = annotations.ownsForeignKey() ? foreignKey(owner, source, target, annotations, build) : null;
        MappedColumn joinColumn = foreignKey == null || foreignKey.composite() ? null : foreignKey.column();
        MappedRelation.JoinTableModel joinTable = annotations.joinTable() == null ? null
                : new MappedRelation.JoinTableModel(annotations.joinTable(), annotations.joinTableColumn(),
                        annotations.inverseJoinTableColumn());
        if (joinTable != null) {
            checkIdentifier(joinTable.name(), where, "join table name");
            checkIdentifier(joinTable.joinColumn(), where, "join column name");
            checkIdentifier(joinTable.inverseColumn(), where, "inverse join column name");
        }
        Function<Object, Object> targetId = entity -> modelLookup.apply(target).idOf(cast(entity));
        MappedRelation relation = new MappedRelation(source.name, annotations.kind(), target, annotations.owning(),
                annotations.mappedBy(), joinColumn, foreignKey, joinTable, annotations.cascade(),
                java.util.Set.class.isAssignableFrom(source.type), build.relations.size(), targetId, build.owner);
        build.relations.add(relation);
        boolean shared = foreignKey != null && !build.relationColumns.containsAll(foreignKey.columns());
        return new Property(source.name, source.getter, source.setter, shared ? null : joinColumn, null, false, relation);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object entity) {
        return (T) entity;
    }

    /**
     * The foreign key of an owning to-one relationship: one column per key column of the target,
     * named by the {@code @JoinColumn}s in the target's key order ({@code <property>_id} for a
     * one-column key, {@code <property>_<key property>} for each column of a composite one). Its
     * values are the target's key values, built and split by the target's key (looked up when
     * first used, since the target may refer back to the entity being built).
     */
    private EntityKey foreignKey(Class<?> owner, PropertySource source, Class<?> target,
                                 RelationMapping annotations, Build build) {
        String where = owner.getName() + "." + source.name;
        RelationAnnotations.KeyShape shape = keyShape(target, where);
        List<RelationAnnotations.KeyPart> parts = shape.parts();
        List<String> names = annotations.joinColumns();
        if (!names.isEmpty() && names.size() != parts.size()) {
            throw new MappingException(where + " has " + names.size() + " @JoinColumn, but the key of " + target.getName()
                    + " has " + parts.size() + " columns " + parts.stream().map(RelationAnnotations.KeyPart::name).toList()
                    + "; give one @JoinColumn per key column, in that order");
        }
        List<MappedColumn> columns = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            RelationAnnotations.KeyPart part = parts.get(i);
            ValueCodec codec = converters.codecFor(part.type(), EnumType.NAME);
            if (codec == null) {
                throw new MappingException(where + ": the key property " + part.name() + " of " + target.getName()
                        + " has type " + part.type().getName() + ", which cannot be stored");
            }
            String defaultName = naming.columnName(source.name) + "_" + (parts.size() == 1 ? "id" : naming.columnName(part.name()));
            String columnName = names.isEmpty() ? defaultName : names.get(i);
            String path = parts.size() == 1 ? source.name : source.name + "." + part.name();
            checkIdentifier(columnName, where, "join column name");
            MappedColumn shared = sharedColumn(build, columnName, part.type(), where);
            if (shared != null) {
                columns.add(shared);
                continue;
            }
            checkDuplicate(build, columnName, path);
            MappedColumn column = new MappedColumn(path, columnName, part.type(), annotations.joinColumnsNullable(),
                    0, 0, 0, false, false, false, false, parts.size() == 1 ? target : null, build.columns.size(),
                    codec.forProperty(where + " (column '" + columnName + "')"), build.owner);
            build.columns.add(column);
            build.relationColumns.add(column);
            columns.add(column);
        }
        if (columns.size() == 1) {
            return EntityKey.of(columns.get(0));
        }
        return EntityKey.composite(build.owner, columns, shape.valueType(),
                values -> modelLookup.apply(target).key().fromColumns(values),
                key -> modelLookup.apply(target).key().columnValues(key));
    }

    /**
     * A column a foreign key shares with a property declared before it, such as a key column of a
     * link table that also references another entity ({@code film_actor.actor_id}): the property
     * stays the column's source, and the relationship reads its key from it. {@code null} when no
     * property maps the column yet.
     */
    private static @Nullable MappedColumn sharedColumn(Build build, String columnName, Class<?> type, String where) {
        for (MappedColumn existing : build.columns) {
            if (existing.columnName().equalsIgnoreCase(columnName) && !build.relationColumns.contains(existing)
                    && !existing.isVersion() && !existing.isGenerated()) {
                if (EntityKey.wrap(existing.javaType()) != EntityKey.wrap(type)) {
                    throw new MappingException(where + " shares column '" + columnName + "' with " + existing.describe()
                            + ", but the key it references is a " + type.getName() + ", not a "
                            + existing.javaType().getName());
                }
                return existing;
            }
        }
        return null;
    }

    private static void checkDuplicate(Build build, String columnName, String property) {
        for (MappedColumn existing : build.columns) {
            if (existing.columnName().equalsIgnoreCase(columnName)) {
                throw new MappingException(build.owner + " maps column '" + columnName + "' twice: from "
                        + existing.propertyPath() + " and from " + property);
            }
        }
    }

    private static void checkIdentifier(String name, String where, String what) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new MappingException(where + ": '" + name + "' is not a valid " + what
                    + " (letters, digits, _ and $, not starting with a digit)");
        }
    }

    // ---- discovering properties ----

    private static List<PropertySource> recordProperties(Class<?> type, EntityMapping<?> mapping) {
        List<PropertySource> sources = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PropertyMapping described = mapping.property(component.getName());
            if (described.ignored()) {
                throw new MappingException(type.getName() + "." + component.getName()
                        + " is @Transient, but a record component cannot be skipped: its canonical constructor needs it");
            }
            Method accessor = component.getAccessor();
            MethodHandle getter = handle(type, component.getName(), () -> LOOKUP.unreflect(accessible(accessor)));
            sources.add(new PropertySource(component.getName(), component.getType(), component.getGenericType(),
                    described, getter, null));
        }
        return sources;
    }

    private static List<PropertySource> fieldProperties(Class<?> type, EntityMapping<?> mapping) {
        List<PropertySource> sources = new ArrayList<>();
        for (Field field : mappableFields(type)) {
            PropertyMapping described = mapping.property(field.getName());
            if (!described.ignored()) {
                sources.add(new PropertySource(field.getName(), field.getType(), field.getGenericType(), described,
                        getterFor(type, field), setterFor(type, field)));
            }
        }
        return sources;
    }

    /** The fields of a class and its superclasses, superclass first, that may be properties. */
    private static List<Field> mappableFields(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> declaring : hierarchy) {
            for (Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The names and types of a type's properties: record components, or mappable fields. */
    private static List<RelationAnnotations.KeyPart> propertiesOf(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> new RelationAnnotations.KeyPart(component.getName(), component.getType())).toList();
        }
        return mappableFields(type).stream().map(field -> new RelationAnnotations.KeyPart(field.getName(), field.getType()))
                .toList();
    }

    /** Whether the class (or a superclass) declares a {@code transient} field of that name, which is never mapped. */
    private static boolean isTransientField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name) && Modifier.isTransient(field.getModifiers())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A description naming a property the type does not have is a mistake (a typo, a renamed field). */
    private static void checkDescribed(Class<?> type, EntityMapping<?> mapping) {
        List<String> names = propertiesOf(type).stream().map(RelationAnnotations.KeyPart::name).toList();
        for (PropertyMapping described : mapping.describedProperties()) {
            if (described.ignored() && described.id()) {
                throw new MappingException(type.getName() + "." + described.name() + " is @Id but not mapped "
                        + "(@Transient, or a transient field); a key must be a mapped property");
            }
            if (!names.contains(described.name()) && !isTransientField(type, described.name())) {
                throw new MappingException(type.getName() + " has no property '" + described.name()
                        + "' (its properties are " + names + "), but its mapping describes one");
            }
        }
    }

    /**
     * The key of a target entity, from its description without building its model (targets may
     * refer back to the entity being built): one {@code @Id}, several, or one {@code @Id} value
     * object whose properties are the key.
     */
    private RelationAnnotations.KeyShape keyShape(Class<?> target, String where) {
        EntityMapping<?> mapping = mappings.apply(target);
        List<RelationAnnotations.KeyPart> ids = propertiesOf(target).stream()
                .filter(part -> mapping.property(part.name()).id()).toList();
        if (ids.isEmpty()) {
            throw new MappingException(where + " relates to " + target.getName() + ", which has no @Id property");
        }
        if (ids.size() > 1) {
            return new RelationAnnotations.KeyShape(ids, Key.class);
        }
        Class<?> type = ids.get(0).type();
        if (isValueObject(type)) {
            EntityMapping<?> keyMapping = mappings.apply(type);
            return new RelationAnnotations.KeyShape(propertiesOf(type).stream()
                    .filter(part -> !keyMapping.property(part.name()).ignored()).toList(), type);
        }
        return new RelationAnnotations.KeyShape(ids, EntityKey.wrap(type));
    }

    private static MethodHandle getterFor(Class<?> type, Field field) {
        String capitalized = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        for (String name : List.of("get" + capitalized, "is" + capitalized)) {
            Method method = findMethod(type, name);
            if (method != null && method.getReturnType() == field.getType()) {
                return handle(type, field.getName(), () -> LOOKUP.unreflect(accessible(method)));
            }
        }
        return handle(type, field.getName(), () -> LOOKUP.unreflectGetter(accessible(field)));
    }

    private static @Nullable MethodHandle setterFor(Class<?> type, Field field) {
        String capitalized = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        Method method = findMethod(type, "set" + capitalized, field.getType());
        if (method != null) {
            return setterHandle(type, field.getName(), () -> LOOKUP.unreflect(accessible(method)));
        }
        if (Modifier.isFinal(field.getModifiers())) {
            return null;
        }
        return setterHandle(type, field.getName(), () -> LOOKUP.unreflectSetter(accessible(field)));
    }

    private static @Nullable Method findMethod(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(name, parameters);
                if (!Modifier.isStatic(method.getModifiers())) {
                    return method;
                }
            } catch (NoSuchMethodException ignored) {
                // look in the superclass
            }
        }
        return null;
    }

    // ---- constructors ----

    private record Instantiation(Instantiator instantiator, boolean mutable) {
    }

    private static Instantiation recordConstructor(Class<?> type, List<PropertySource> sources) {
        Class<?>[] parameterTypes = sources.stream().map(s -> s.type).toArray(Class<?>[]::new);
        Constructor<?> canonical;
        try {
            canonical = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new MappingException("Record " + type.getName() + " has no canonical constructor "
                    + Arrays.toString(parameterTypes), e);
        }
        return new Instantiation(constructorInstantiator(type, canonical), false);
    }

    private static Instantiation classConstructor(Class<?> type, List<PropertySource> sources) {
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingException(type.getName() + " is an inner class; make it static so Rowflow can create it");
        }
        Constructor<?> annotated = null;
        Constructor<?> noArgs = null;
        // Compiler-made constructors (Kotlin's for default arguments) are no candidates.
        List<Constructor<?>> constructors = Arrays.stream(type.getDeclaredConstructors())
                .filter(constructor -> !constructor.isSynthetic()).toList();
        for (Constructor<?> constructor : constructors) {
            if (constructor.isAnnotationPresent(EntityConstructor.class)) {
                annotated = constructor;
            }
            if (constructor.getParameterCount() == 0) {
                noArgs = constructor;
            }
        }
        if (annotated == null && noArgs != null) {
            return new Instantiation(setterInstantiator(type, noArgs, sources), true);
        }
        Constructor<?> chosen = annotated;
        if (chosen == null && constructors.size() == 1) {
            chosen = constructors.get(0);
        }
        if (chosen == null) {
            throw new MappingException(type.getName() + " has no usable constructor: add a no-argument constructor "
                    + "(mutable entity) or mark one constructor taking the mapped fields (" + describe(sources)
                    + ") @EntityConstructor");
        }
        checkParameters(type, chosen, sources);
        return new Instantiation(constructorInstantiator(type, chosen), false);
    }

    private static void checkParameters(Class<?> type, Constructor<?> constructor, List<PropertySource> sources) {
        Class<?>[] expected = sources.stream().map(s -> s.type).toArray(Class<?>[]::new);
        if (!Arrays.equals(expected, constructor.getParameterTypes())) {
            throw new MappingException(type.getName() + ": constructor " + constructor + " must take the mapped fields "
                    + "in declaration order: (" + describe(sources) + ")");
        }
        var parameters = constructor.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isNamePresent() && !parameters[i].getName().equals(sources.get(i).name)) {
                throw new MappingException(type.getName() + ": constructor parameter '" + parameters[i].getName()
                        + "' is in the position of field '" + sources.get(i).name + "'; keep them in field order");
            }
        }
    }

    /** {@code String name, long hits}: the mapped fields as constructor parameters. */
    private static String describe(List<PropertySource> sources) {
        return String.join(", ", sources.stream().map(s -> s.type.getSimpleName() + " " + s.name).toList());
    }

    private static Instantiator constructorInstantiator(Class<?> type, Constructor<?> constructor) {
        MethodHandle handle = handle(type, "<init>", () -> LOOKUP.unreflectConstructor(accessible(constructor)))
                .asSpreader(Object[].class, constructor.getParameterCount())
                .asType(MethodType.methodType(Object.class, Object[].class));
        return Constructors.of(constructor, handle);
    }

    private static Instantiator setterInstantiator(Class<?> type, Constructor<?> noArgs, List<PropertySource> sources) {
        MethodHandle create = handle(type, "<init>", () -> LOOKUP.unreflectConstructor(accessible(noArgs)))
                .asType(MethodType.methodType(Object.class));
        MethodHandle[] setters = new MethodHandle[sources.size()];
        for (int i = 0; i < setters.length; i++) {
            setters[i] = sources.get(i).setter;
        }
        return values -> {
            Object instance = (Object) create.invokeExact();
            for (int i = 0; i < setters.length; i++) {
                if (setters[i] != null) {
                    setters[i].invokeExact(instance, values[i]);
                }
            }
            return instance;
        };
    }

    // ---- method handle plumbing ----

    private interface HandleSupplier {
        MethodHandle get() throws IllegalAccessException;
    }

    private static MethodHandle handle(Class<?> type, String member, HandleSupplier supplier) {
        try {
            MethodHandle handle = supplier.get();
            if (member.equals("<init>")) {
                return handle;
            }
            return handle.asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingException("Cannot access " + type.getName() + "." + member + ": " + e.getMessage(), e);
        }
    }

    private static MethodHandle setterHandle(Class<?> type, String member, HandleSupplier supplier) {
        try {
            return supplier.get().asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingException("Cannot access " + type.getName() + "." + member + ": " + e.getMessage(), e);
        }
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }

    /** A property found on a class or record, before it is turned into a column or embedded type. */
    private record PropertySource(String name, Class<?> type, Type genericType, PropertyMapping mapping,
                                  MethodHandle getter, @Nullable MethodHandle setter) {
    }

    /** Accumulates the flattened columns and relationships of one model while it is built. */
    private static final class Build {
        final String owner;
        final List<MappedColumn> columns = new ArrayList<>();
        final List<MappedRelation> relations = new ArrayList<>();
        /** The foreign-key columns relationships created (not those they share with a property). */
        final java.util.Set<MappedColumn> relationColumns = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        /** Whether the columns being mapped belong to the {@code @Id} value object. */
        boolean inKey;
        @Nullable KeyObject keyObject;

        Build(String owner) {
            this.owner = owner;
        }
    }

}
