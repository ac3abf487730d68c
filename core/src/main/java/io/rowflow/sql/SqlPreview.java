package io.rowflow.sql;

import io.rowflow.dialect.Dialect;
import io.rowflow.internal.model.DataChangeModel;
import io.rowflow.internal.model.SelectModel;
import io.rowflow.internal.query.QueryRenderer;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.mapping.NamingStrategy;
import java.util.Map;

/**
 * Renders a query for a dialect without a database, with the default naming strategy and no user
 * converters: for {@code toString()}, logs and tests. Values appear as bind markers only.
 *
 * @since 0.1
 */
public final class SqlPreview {

    private SqlPreview() {
    }

    /** The SQL text of a select for a dialect. */
    public static String render(Selectable<?> query, Dialect dialect) {
        return renderer(dialect).selectSql(SelectModel.of(query.toStatement())).sql();
    }

    /** The SQL text of an update or delete for a dialect. */
    public static String render(DataChange statement, Dialect dialect) {
        return renderer(dialect).dataChange(DataChangeModel.of(statement.toStatement())).sql();
    }

    private static QueryRenderer renderer(Dialect dialect) {
        ConverterRegistry converters = new ConverterRegistry(Map.of(), dialect);
        return new QueryRenderer(dialect, new EntityModels(NamingStrategy.SNAKE_CASE, converters), converters);
    }
}
