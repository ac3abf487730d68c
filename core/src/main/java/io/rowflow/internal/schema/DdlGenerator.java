package io.rowflow.internal.schema;

import io.rowflow.MappingException;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.mapping.MappedRelation;
import io.rowflow.internal.sql.EntitySql;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code CREATE TABLE} and {@code DROP TABLE} statements from entity models: column types
 * from the dialect, {@code NOT NULL}, primary key, unique constraints and foreign keys declared
 * with {@link io.rowflow.annotation.References}.
 */
public final class DdlGenerator {

    private final EntityModels models;
    private final Dialect dialect;

    /** Creates a generator for the models of a database and its dialect. */
    public DdlGenerator(EntityModels models, Dialect dialect) {
        this.models = models;
        this.dialect = dialect;
    }

    /** The {@code CREATE TABLE} statement of an entity. */
    public String createTable(Class<?> type, boolean ifNotExists) {
        DefaultEntityModel<?> model = models.entity(type);
        List<String> parts = new ArrayList<>();
        for (MappedColumn column : model.mappedColumns()) {
            parts.add(columnDefinition(column));
        }
        parts.add("PRIMARY KEY (" + quotedNames(model.key().columns()) + ")");
        for (MappedColumn column : model.mappedColumns()) {
            if (column.unique() && !column.isId()) {
                parts.add("UNIQUE (" + dialect.quote(column.columnName()) + ")");
            }
            if (column.references() != null) {
                parts.add(foreignKey(model, column));
            }
        }
        for (MappedRelation relation : model.mappedRelations()) {
            if (relation.foreignKey() != null && relation.foreignKey().composite()) {
                DefaultEntityModel<?> target = models.entity(relation.targetType());
                parts.add("FOREIGN KEY (" + quotedNames(relation.foreignKey().columns()) + ") REFERENCES "
                        + EntitySql.qualifiedTable(target, dialect) + " (" + quotedNames(target.key().columns()) + ")");
            }
        }
        return "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + EntitySql.qualifiedTable(model, dialect)
                + " (" + String.join(", ", parts) + ")";
    }

    private String quotedNames(List<MappedColumn> columns) {
        return String.join(", ", columns.stream().map(column -> dialect.quote(column.columnName())).toList());
    }

    /** The {@code CREATE TABLE} statements of the link tables owned by an entity's many-to-many relationships. */
    public List<String> createJoinTables(Class<?> type, boolean ifNotExists) {
        DefaultEntityModel<?> model = models.entity(type);
        List<String> statements = new ArrayList<>();
        for (MappedRelation relation : model.mappedRelations()) {
            if (relation.joinTable() != null) {
                statements.add(createJoinTable(model, relation, ifNotExists));
            }
        }
        return statements;
    }

    /** The {@code DROP TABLE} statements of the link tables owned by an entity. */
    public List<String> dropJoinTables(Class<?> type, boolean ifExists) {
        DefaultEntityModel<?> model = models.entity(type);
        List<String> statements = new ArrayList<>();
        for (MappedRelation relation : model.mappedRelations()) {
            if (relation.joinTable() != null) {
                statements.add("DROP TABLE " + (ifExists ? "IF EXISTS " : "") + dialect.quote(relation.joinTable().name()));
            }
        }
        return statements;
    }

    private String createJoinTable(DefaultEntityModel<?> owner, MappedRelation relation, boolean ifNotExists) {
        DefaultEntityModel<?> target = models.entity(relation.targetType());
        MappedRelation.JoinTableModel table = relation.joinTable();
        MappedColumn ownerId = owner.key().column();
        MappedColumn targetId = target.key().column();
        String join = dialect.quote(table.joinColumn());
        String inverse = dialect.quote(table.inverseColumn());
        return "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + dialect.quote(table.name()) + " ("
                + join + " " + keyColumnType(ownerId) + " NOT NULL, "
                + inverse + " " + keyColumnType(targetId) + " NOT NULL, "
                + "PRIMARY KEY (" + join + ", " + inverse + "), "
                + "FOREIGN KEY (" + join + ") REFERENCES " + EntitySql.qualifiedTable(owner, dialect)
                + " (" + dialect.quote(ownerId.columnName()) + "), "
                + "FOREIGN KEY (" + inverse + ") REFERENCES " + EntitySql.qualifiedTable(target, dialect)
                + " (" + dialect.quote(targetId.columnName()) + "))";
    }

    /** The {@code DROP TABLE} statement of an entity. */
    public String dropTable(Class<?> type, boolean ifExists) {
        return "DROP TABLE " + (ifExists ? "IF EXISTS " : "") + EntitySql.qualifiedTable(models.entity(type), dialect);
    }

    private String columnDefinition(MappedColumn column) {
        String type;
        if (column.isIdentity()) {
            type = dialect.identityColumn(column.storedType());
        } else if (column.databaseType() != null) {
            type = column.databaseType();
        } else if (column.isId() || column.unique() || column.references() != null) {
            type = keyColumnType(column);
        } else {
            type = dialect.columnType(column.storedType(), column.length(), column.precision(), column.scale());
        }
        String defaultClause = column.defaultExpression() == null ? "" : " DEFAULT " + column.defaultExpression();
        return dialect.quote(column.columnName()) + " " + type + defaultClause + (column.nullable() ? "" : " NOT NULL");
    }

    /** The type of a column in a key: some databases cannot index the type an unbounded column gets. */
    private String keyColumnType(MappedColumn column) {
        return dialect.keyColumnType(column.storedType(), column.length(), column.precision(), column.scale());
    }

    private String foreignKey(DefaultEntityModel<?> model, MappedColumn column) {
        DefaultEntityModel<?> target;
        try {
            target = models.entity(column.references());
        } catch (MappingException e) {
            throw new MappingException(column.describe() + " @References " + column.references().getName()
                    + ", which is not a mappable entity: " + e.getMessage(), e);
        }
        return "FOREIGN KEY (" + dialect.quote(column.columnName()) + ") REFERENCES "
                + EntitySql.qualifiedTable(target, dialect) + " (" + dialect.quote(target.key().column().columnName()) + ")";
    }
}
