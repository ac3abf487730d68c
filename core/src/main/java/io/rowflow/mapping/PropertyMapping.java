package io.rowflow.mapping;

import io.rowflow.annotation.EnumType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one property is mapped: the neutral description that both the annotations
 * ({@code @Id @Column @Version @Embedded ...}) and a code-based {@link EntityMapping} produce, and
 * from which Rowflow builds the entity's model. A property nobody describes is an ordinary column
 * named by the {@link NamingStrategy}.
 *
 * @param name the property (field or record component) name
 * @param ignored not stored ({@code @Transient}; classes only)
 * @param id part of the primary key
 * @param generated the database generates the value (one-column keys only)
 * @param version the optimistic-lock version
 * @param column the column name, or {@code null} for the naming strategy's
 * @param nullable whether the column accepts {@code NULL} (for DDL)
 * @param length the declared text length, {@code 0} when unbounded
 * @param precision the declared decimal precision, {@code 0} for the default
 * @param scale the declared decimal scale
 * @param unique whether the column has a unique constraint
 * @param embeddedPrefix the column prefix of an embedded value object, or {@code null} when the
 *                       property is not embedded ({@link io.rowflow.annotation.Embedded#DEFAULT_PREFIX}
 *                       for {@code <property>_})
 * @param enumType how an enum is stored
 * @param references the entity the column references by a foreign key (for DDL), or {@code null}
 * @param relation the relationship, or {@code null} for a column or value object
 * @param databaseType the column's database type where it is not the dialect's default for the
 *                     Java type (a PostgreSQL enum type such as {@code mpaa_rating}), or {@code null}
 * @since 0.2
 */
public record PropertyMapping(String name, boolean ignored, boolean id, boolean generated, boolean version,
                              @Nullable String column, boolean nullable, int length, int precision, int scale,
                              boolean unique, @Nullable String embeddedPrefix, EnumType enumType,
                              @Nullable Class<?> references, @Nullable RelationMapping relation,
                              @Nullable String databaseType) {

    /** Checks arguments. */
    public PropertyMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(enumType, "enumType");
    }

    /** An ordinary column named by the naming strategy. */
    public static PropertyMapping plain(String name) {
        return new PropertyMapping(name, false, false, false, false, null, true, 0, 0, 0, false, null,
                EnumType.NAME, null, null, null);
    }

    /** Whether the property is an embedded value object. */
    public boolean embedded() {
        return embeddedPrefix != null;
    }

    PropertyMapping withId(boolean generatedId) {
        return new PropertyMapping(name, ignored, true, generatedId, version, column, nullable, length, precision,
                scale, unique, embeddedPrefix, enumType, references, relation, databaseType);
    }

    PropertyMapping withVersion() {
        return new PropertyMapping(name, ignored, id, generated, true, column, nullable, length, precision, scale,
                unique, embeddedPrefix, enumType, references, relation, databaseType);
    }

    PropertyMapping withColumn(String columnName, boolean columnNullable) {
        return new PropertyMapping(name, ignored, id, generated, version, columnName, columnNullable, length, precision,
                scale, unique, embeddedPrefix, enumType, references, relation, databaseType);
    }

    PropertyMapping withIgnored() {
        return new PropertyMapping(name, true, id, generated, version, column, nullable, length, precision, scale,
                unique, embeddedPrefix, enumType, references, relation, databaseType);
    }

    PropertyMapping withEmbedded(String prefix) {
        return new PropertyMapping(name, ignored, id, generated, version, column, nullable, length, precision, scale,
                unique, prefix, enumType, references, relation, databaseType);
    }

    PropertyMapping withEnumType(EnumType type) {
        return new PropertyMapping(name, ignored, id, generated, version, column, nullable, length, precision, scale,
                unique, embeddedPrefix, type, references, relation, databaseType);
    }

    PropertyMapping withDatabaseType(String type) {
        return new PropertyMapping(name, ignored, id, generated, version, column, nullable, length, precision, scale,
                unique, embeddedPrefix, enumType, references, relation, type);
    }

    PropertyMapping withRelation(RelationMapping mapping) {
        return new PropertyMapping(name, ignored, id, generated, version, column, nullable, length, precision, scale,
                unique, embeddedPrefix, enumType, references, mapping, databaseType);
    }
}
