package io.rowflow.internal.query;

import io.rowflow.QueryException;
import io.rowflow.annotation.EnumType;
import io.rowflow.dialect.Dialect;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.convert.ValueCodec;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.sql.Assignment;
import io.rowflow.internal.model.DataChangeModel;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.Projection;
import io.rowflow.internal.model.SelectModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the query model for one database: selects (with their row mappers), counts, existence
 * checks, updates and deletes. Checks what can be checked before any SQL is sent: a path from an
 * entity not in the query, a seek without order, a grouped query selecting an ungrouped column,
 * an update or delete without a filter that did not ask for every row.
 */
public final class QueryRenderer {

    private final Dialect dialect;
    private final EntityModels models;
    private final ConverterRegistry converters;
    private final TableConditions conditions;

    /** Creates a renderer over a database's dialect, models and converters, without table conditions. */
    public QueryRenderer(Dialect dialect, EntityModels models, ConverterRegistry converters) {
        this(dialect, models, converters, TableConditions.NONE);
    }

    /** Creates a renderer over a database's dialect, models and converters, adding the table conditions. */
    public QueryRenderer(Dialect dialect, EntityModels models, ConverterRegistry converters, TableConditions conditions) {
        this.dialect = dialect;
        this.models = models;
        this.converters = converters;
        this.conditions = conditions;
    }

    /** The dialect rendered for. */
    Dialect dialect() {
        return dialect;
    }

    /** Renders a keyed read once, its key values left to bind per execution. */
    ReadTemplate template(KeyedRead read) {
        SqlWriter writer = writer();
        writer.read(read);
        return writer.toTemplate(read);
    }

    /** Renders a select of rows, with the mapper for its projection. */
    public <T> RenderedSelect<T> select(SelectModel<T> statement) {
        Grouping.check(statement);
        SqlWriter writer = writer();
        Scope scope = writer.select(statement, null, SqlWriter.Mode.ROWS);
        PreparedSql sql = writer.toStatement();
        if (statement.projection() instanceof Projection.Entity<T> entity) {
            DefaultEntityModel<T> model = models.entity(entity.entityType());
            return new RenderedSelect<>(sql, () -> EntityRowMapper.byPosition(model));
        }
        Projection.Values<T> values = (Projection.Values<T>) statement.projection();
        List<ValueCodec> codecs = codecs(values, scope);
        return new RenderedSelect<>(sql, () -> new ValuesRowMapper<>(values, codecs));
    }

    /**
     * Renders only the SQL text of a select, without resolving how its rows are read: what a
     * preview or {@code toString()} shows even when the projection cannot be read.
     */
    public PreparedSql selectSql(SelectModel<?> statement) {
        Grouping.check(statement);
        SqlWriter writer = writer();
        writer.select(statement, null, SqlWriter.Mode.ROWS);
        return writer.toStatement();
    }

    /** Renders {@code SELECT COUNT(*)} of the rows the select would return (ignoring its order). */
    public PreparedSql count(SelectModel<?> statement) {
        Grouping.check(statement);
        SqlWriter writer = writer();
        boolean simple = !statement.distinct() && statement.groupBy().isEmpty() && statement.having() == null
                && statement.limit() == null && statement.offset() == null;
        if (simple) {
            writer.select(statement, null, SqlWriter.Mode.COUNT);
        } else {
            writer.append("SELECT COUNT(*) FROM (");
            writer.select(statement.withOrderBy(List.of()), null, SqlWriter.Mode.ROWS);
            writer.append(") counted");
        }
        return writer.toStatement();
    }

    /** Renders a select of at most one row telling whether the select matches anything. */
    public PreparedSql exists(SelectModel<?> statement) {
        Grouping.check(statement);
        SqlWriter writer = writer();
        writer.select(statement, null, SqlWriter.Mode.EXISTS);
        return writer.toStatement();
    }

    /**
     * Renders an update or delete, limited by the target entity's {@link TableConditions} like a
     * read of it (global filters, soft delete, the tenant).
     */
    public PreparedSql dataChange(DataChangeModel statement) {
        if (statement.where() == null && !statement.all()) {
            throw new QueryException("An update or delete without where(...) must say all() explicitly; refusing to "
                    + "change every row of " + statement.target().entityType().getSimpleName() + " by accident");
        }
        SqlWriter writer = writer();
        Scope scope = writer.target(statement.target());
        DefaultEntityModel<?> model = models.entity(statement.target().entityType());
        String table = io.rowflow.internal.sql.EntitySql.qualifiedTable(model, dialect);
        if (statement.kind() == DataChangeModel.Kind.UPDATE) {
            assignments(writer, scope, table, statement.assignments(), model);
        } else {
            writer.append("DELETE FROM ").append(table);
        }
        Predicate condition = conditions.on(statement.target(), model);
        Predicate where = statement.where() == null ? condition
                : condition == null ? statement.where() : new Predicate.And(List.of(statement.where(), condition));
        if (where != null) {
            writer.append(" WHERE ");
            writer.predicate(where, scope);
        }
        return writer.toStatement();
    }

    private void assignments(SqlWriter writer, Scope scope, String table, List<Assignment> assignments,
                             DefaultEntityModel<?> model) {
        if (assignments.isEmpty()) {
            throw new QueryException("An update of " + model.type().getSimpleName() + " needs at least one set(...)");
        }
        writer.append("UPDATE ").append(table).append(" SET ");
        Scope.Entry entry = scope.first();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment assignment = assignments.get(i);
            MappedColumn column = Scope.column(entry, assignment.propertyPath());
            conditions.checkAssignment(model, column);
            writer.append(i == 0 ? "" : ", ").append(dialect.quote(column.columnName())).append(" = ");
            if (assignment.value() instanceof Expression.Value value && value.value() == null && !column.nullable()) {
                throw new QueryException(column.describe() + " is not nullable; cannot set it to NULL");
            }
            writer.expression(assignment.value(), scope, column);
        }
    }

    private List<ValueCodec> codecs(Projection.Values<?> values, Scope scope) {
        List<ValueCodec> codecs = new ArrayList<>();
        for (int i = 0; i < values.expressions().size(); i++) {
            Expression expression = values.expressions().get(i);
            Class<?> type = SqlWriter.wrapped(values.valueTypes().get(i));
            ValueCodec codec = null;
            if (expression instanceof Expression.Column column) {
                MappedColumn mapped = Scope.column(scope.resolve(column.table()), column.propertyPath());
                if (type.isAssignableFrom(SqlWriter.wrapped(mapped.javaType()))) {
                    codec = mapped.codec();
                }
            }
            if (codec == null) {
                codec = converters.codecFor(type, EnumType.NAME);
            }
            if (codec == null) {
                throw new QueryException("Cannot read column " + (i + 1) + " of " + values.type().getName() + " as "
                        + type.getName() + ": no converter for that type");
            }
            codecs.add(codec);
        }
        return codecs;
    }

    private SqlWriter writer() {
        return new SqlWriter(dialect, models, converters, conditions);
    }
}
