package io.rowflow.internal.mapping;

import io.rowflow.internal.convert.ValueCodec;
import io.rowflow.mapping.AuditRole;
import io.rowflow.mapping.ColumnModel;
import io.rowflow.mapping.IdGeneration;
import io.rowflow.mapping.WriteMode;
import org.jspecify.annotations.Nullable;

/**
 * A column of a built entity model: what {@link ColumnModel} tells users plus the position in the
 * flattened value array and the codec resolved for it. Its {@link #databaseType()}, when declared,
 * is what every bind marker for the column is cast to ({@link io.rowflow.dialect.Dialect#bindMarker(int, String)}).
 */
public record MappedColumn(
        String propertyPath,
        String columnName,
        Class<?> javaType,
        boolean nullable,
        int length,
        int precision,
        int scale,
        boolean unique,
        boolean isId,
        boolean isGenerated,
        boolean isVersion,
        @Nullable Class<?> references,
        int index,
        ValueCodec codec,
        String owner,
        @Nullable String databaseType,
        @Nullable IdGeneration idGeneration,
        WriteMode writeMode,
        @Nullable String defaultExpression,
        @Nullable AuditRole audit) implements ColumnModel {

    /** A column without an audit role. */
    public MappedColumn(String propertyPath, String columnName, Class<?> javaType, boolean nullable, int length,
                        int precision, int scale, boolean unique, boolean isId, boolean isGenerated, boolean isVersion,
                        @Nullable Class<?> references, int index, ValueCodec codec, String owner,
                        @Nullable String databaseType, @Nullable IdGeneration idGeneration, WriteMode writeMode,
                        @Nullable String defaultExpression) {
        this(propertyPath, columnName, javaType, nullable, length, precision, scale, unique, isId, isGenerated,
                isVersion, references, index, codec, owner, databaseType, idGeneration, writeMode, defaultExpression, null);
    }

    /** A written column, whose key (if generated) is an identity. */
    public MappedColumn(String propertyPath, String columnName, Class<?> javaType, boolean nullable, int length,
                        int precision, int scale, boolean unique, boolean isId, boolean isGenerated, boolean isVersion,
                        @Nullable Class<?> references, int index, ValueCodec codec, String owner,
                        @Nullable String databaseType) {
        this(propertyPath, columnName, javaType, nullable, length, precision, scale, unique, isId, isGenerated,
                isVersion, references, index, codec, owner, databaseType,
                isGenerated ? IdGeneration.identity() : null, WriteMode.WRITTEN, null);
    }

    /** A column whose database type Rowflow derives from its Java type. */
    public MappedColumn(String propertyPath, String columnName, Class<?> javaType, boolean nullable, int length,
                        int precision, int scale, boolean unique, boolean isId, boolean isGenerated, boolean isVersion,
                        @Nullable Class<?> references, int index, ValueCodec codec, String owner) {
        this(propertyPath, columnName, javaType, nullable, length, precision, scale, unique, isId, isGenerated,
                isVersion, references, index, codec, owner, null);
    }

    /** Whether this is a key the database fills during the insert (an identity column). */
    public boolean isIdentity() {
        return idGeneration != null && idGeneration.byDatabaseOnInsert();
    }

    @Override
    public Class<?> storedType() {
        return codec.storedType();
    }

    /**
     * The hash of the owner and property path, which tell columns apart; equality still compares
     * every component. Columns key caches looked up per statement (coalescers, rendered key reads),
     * where a record's hash over all twenty components, codec and types included, was measurable.
     */
    @Override
    public int hashCode() {
        return 31 * owner.hashCode() + propertyPath.hashCode();
    }

    /** {@code Owner.property.path}, for messages. */
    public String describe() {
        return owner + "." + propertyPath;
    }
}
