package io.rowflow.internal.mapping;

import io.rowflow.MappingException;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.DatabaseDefault;
import io.rowflow.annotation.DatabaseGenerated;
import io.rowflow.annotation.GenerationTime;
import io.rowflow.annotation.GenerationType;
import io.rowflow.annotation.ReadOnly;
import io.rowflow.annotation.Embedded;
import io.rowflow.annotation.EnumType;
import io.rowflow.annotation.Enumerated;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.References;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.Transient;
import io.rowflow.annotation.Version;
import io.rowflow.mapping.EntityMapping;
import io.rowflow.mapping.IdGeneration;
import io.rowflow.mapping.WriteMode;
import io.rowflow.mapping.PropertyMapping;
import io.rowflow.mapping.RelationMapping;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import org.jspecify.annotations.Nullable;

/**
 * Reads a class's mapping annotations into the neutral description ({@link EntityMapping} and its
 * {@link PropertyMapping}s) that the model builder consumes; a code-based {@link EntityMapping}
 * is the other source of the same description.
 */
final class AnnotationMappings {

    private AnnotationMappings() {
    }

    /** The mapping the annotations of a class describe: an entity with {@code @Table}, otherwise a value object. */
    static EntityMapping<?> read(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        EntityMapping<?> mapping = table == null ? EntityMapping.valueObject(type) : EntityMapping.entity(type).table(table.name());
        if (table != null && !table.schema().isEmpty()) {
            mapping = mapping.schema(table.schema());
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                boolean ignored = component.isAnnotationPresent(Transient.class) || backingFieldIsTransient(type, component);
                mapping = mapping.with(property(type, component.getName(), component, ignored));
            }
            return mapping;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    mapping = mapping.with(property(type, field.getName(), field, field.isAnnotationPresent(Transient.class)
                            || java.lang.reflect.Modifier.isTransient(field.getModifiers())));
                }
            }
        }
        return mapping;
    }

    private static PropertyMapping property(Class<?> owner, String name, AnnotatedElement element, boolean ignored) {
        Column column = element.getAnnotation(Column.class);
        Embedded embedded = element.getAnnotation(Embedded.class);
        Enumerated enumerated = element.getAnnotation(Enumerated.class);
        References references = element.getAnnotation(References.class);
        RelationMapping relation = RelationAnnotations.isRelation(element)
                ? RelationAnnotations.of(element, owner.getName() + "." + name).toMapping() : null;
        GeneratedValue generatedValue = element.getAnnotation(GeneratedValue.class);
        return new PropertyMapping(name, ignored, element.isAnnotationPresent(Id.class),
                generatedValue != null, element.isAnnotationPresent(Version.class),
                column == null || column.name().isEmpty() ? null : column.name(), column == null || column.nullable(),
                column == null ? 0 : column.length(), column == null ? 0 : column.precision(),
                column == null ? 0 : column.scale(), column != null && column.unique(),
                embedded == null ? null : embedded.prefix(), enumerated == null ? EnumType.NAME : enumerated.value(),
                references == null ? null : references.value(), relation,
                column == null || column.type().isEmpty() ? null : column.type(),
                generatedValue == null ? null : idGeneration(owner.getName() + "." + name, generatedValue),
                writeMode(owner.getName() + "." + name, element), defaultExpression(element),
                audit(owner.getName() + "." + name, element));
    }

    private static IdGeneration idGeneration(String where, GeneratedValue annotation) {
        try {
            return new IdGeneration(annotation.strategy(), annotation.sequence().isEmpty() ? null : annotation.sequence(),
                    annotation.generator().isEmpty() ? null : annotation.generator());
        } catch (IllegalArgumentException e) {
            throw new MappingException(where + " has @GeneratedValue(strategy = " + annotation.strategy() + ") but "
                    + (annotation.strategy() == GenerationType.SEQUENCE ? "no sequence = \"...\""
                    : annotation.strategy() == GenerationType.GENERATOR ? "no generator = \"...\"" 
                    : "a sequence or generator name that only SEQUENCE or GENERATOR takes"), e);
        }
    }

    private static WriteMode writeMode(String where, AnnotatedElement element) {
        DatabaseGenerated generated = element.getAnnotation(DatabaseGenerated.class);
        boolean hasDefault = element.isAnnotationPresent(DatabaseDefault.class);
        boolean readOnly = element.isAnnotationPresent(ReadOnly.class);
        if ((generated != null ? 1 : 0) + (hasDefault ? 1 : 0) + (readOnly ? 1 : 0) > 1) {
            throw new MappingException(where + " combines @DatabaseGenerated, @DatabaseDefault and @ReadOnly; "
                    + "choose one");
        }
        if (generated != null) {
            return generated.value() == GenerationTime.INSERT ? WriteMode.GENERATED_ON_INSERT
                    : WriteMode.GENERATED_ON_INSERT_AND_UPDATE;
        }
        return hasDefault ? WriteMode.DEFAULT_WHEN_NULL : readOnly ? WriteMode.READ_ONLY : WriteMode.WRITTEN;
    }

    private static io.rowflow.mapping.@Nullable AuditRole audit(String where, AnnotatedElement element) {
        java.util.List<io.rowflow.mapping.AuditRole> roles = new java.util.ArrayList<>(1);
        if (element.isAnnotationPresent(io.rowflow.annotation.CreatedAt.class)) {
            roles.add(io.rowflow.mapping.AuditRole.CREATED_AT);
        }
        if (element.isAnnotationPresent(io.rowflow.annotation.UpdatedAt.class)) {
            roles.add(io.rowflow.mapping.AuditRole.UPDATED_AT);
        }
        if (element.isAnnotationPresent(io.rowflow.annotation.CreatedBy.class)) {
            roles.add(io.rowflow.mapping.AuditRole.CREATED_BY);
        }
        if (element.isAnnotationPresent(io.rowflow.annotation.UpdatedBy.class)) {
            roles.add(io.rowflow.mapping.AuditRole.UPDATED_BY);
        }
        if (roles.size() > 1) {
            throw new MappingException(where + " has more than one of @CreatedAt, @UpdatedAt, @CreatedBy and @UpdatedBy; "
                    + "map each audit value to its own property");
        }
        return roles.isEmpty() ? null : roles.get(0);
    }

    private static @Nullable String defaultExpression(AnnotatedElement element) {
        DatabaseDefault annotation = element.getAnnotation(DatabaseDefault.class);
        return annotation == null || annotation.value().isEmpty() ? null : annotation.value();
    }

    /**
     * {@code @Transient} targets fields only, so on a record component the compiler puts it on the
     * private field behind the component, not on the component.
     */
    private static boolean backingFieldIsTransient(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName()).isAnnotationPresent(Transient.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
