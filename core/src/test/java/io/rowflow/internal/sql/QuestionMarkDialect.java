package io.rowflow.internal.sql;

import io.rowflow.dialect.StandardSqlDialect;
import io.rowflow.dialect.Upsert;
import java.util.List;

/** A test dialect binding by position with {@code ?} markers, as MariaDB and JDBC-style drivers do. */
final class QuestionMarkDialect extends StandardSqlDialect {

    @Override
    public String name() {
        return "question marks";
    }

    @Override
    public boolean matches(String databaseProductName) {
        return false;
    }

    @Override
    public String bindMarker(int index) {
        return "?";
    }

    @Override
    public String returning(String dataChangeStatement, List<String> quotedColumns) {
        return dataChangeStatement;
    }

    @Override
    public String upsert(Upsert upsert) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    protected String unboundedTextType() {
        return "text";
    }

    @Override
    protected String unboundedDecimalType() {
        return "decimal";
    }

    @Override
    protected String binaryType() {
        return "blob";
    }
}
