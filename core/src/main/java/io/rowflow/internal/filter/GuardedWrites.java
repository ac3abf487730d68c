package io.rowflow.internal.filter;

import io.rowflow.dialect.Dialect;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.sql.EntitySql;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Deletes and updates by key of entities with a soft-delete or tenant column: a delete of a
 * soft-delete entity becomes an update setting its column (of a row not yet deleted), and every
 * delete or update by key is limited to the current tenant's rows, the tenant bound per execution.
 */
public final class GuardedWrites {

    private final EntityFilters filters;
    private final Dialect dialect;

    /** Guards the writes of a view of a database. */
    public GuardedWrites(EntityFilters filters, Dialect dialect) {
        this.filters = filters;
        this.dialect = dialect;
    }

    /**
     * The delete by key of an entity (its key columns' Java values in key order), or {@code null}
     * when it has neither a soft-delete column (in a filtered view) nor a tenant column.
     */
    public @Nullable PreparedSql deleteByKey(DefaultEntityModel<?> model, Object[] keyValues) {
        return deleteByKey(model, keyValues, null);
    }

    /**
     * As {@link #deleteByKey(DefaultEntityModel, Object[])}, also matching the version the entity
     * was read with when {@code version} is not {@code null}.
     */
    public @Nullable PreparedSql deleteByKey(DefaultEntityModel<?> model, Object[] keyValues, @Nullable Object version) {
        MappedColumn deleted = filters.global() ? filters.softDeleteColumn(model) : null;
        MappedColumn tenant = filters.tenantColumn(model);
        if (deleted == null && tenant == null) {
            return null;
        }
        StringBuilder sql = new StringBuilder(96);
        List<Object> binds = new ArrayList<>(keyValues.length + 2);
        String table = EntitySql.qualifiedTable(model, dialect);
        if (deleted != null) {
            sql.append("UPDATE ").append(table).append(" SET ").append(dialect.quote(deleted.columnName())).append(" = ")
                    .append(dialect.bindMarker(0, deleted.databaseType()));
            binds.add(deleted.codec().toDatabase(filters.deletedValue(deleted)));
        } else {
            sql.append("DELETE FROM ").append(table);
        }
        List<MappedColumn> keys = model.key().columns();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? " WHERE " : " AND ").append(dialect.quote(keys.get(i).columnName())).append(" = ")
                    .append(dialect.bindMarker(binds.size(), keys.get(i).databaseType()));
            Object value = keys.get(i).codec().toDatabase(keyValues[i]);
            binds.add(value == null ? new PreparedSql.NullValue(keys.get(i).storedType()) : value);
        }
        if (deleted != null) {
            sql.append(" AND ").append(dialect.quote(deleted.columnName()));
            sql.append(booleanFlag(deleted) ? " = " + dialect.bindMarker(binds.size()) : " IS NULL");
            if (booleanFlag(deleted)) {
                binds.add(deleted.codec().toDatabase(Boolean.FALSE));
            }
        }
        MappedColumn versionColumn = model.versionColumn();
        if (version != null && versionColumn != null) {
            sql.append(" AND ").append(dialect.quote(versionColumn.columnName())).append(" = ")
                    .append(dialect.bindMarker(binds.size(), versionColumn.databaseType()));
            binds.add(versionColumn.codec().toDatabase(version));
        }
        if (tenant != null) {
            sql.append(" AND ").append(tenantCondition(tenant, binds));
        }
        return new PreparedSql(sql.toString(), binds.toArray());
    }

    /**
     * An update by key limited to the current tenant: the tenant condition joins the statement's
     * {@code WHERE} (before a {@code RETURNING}), bound after its other values; the statement as it
     * is without a tenant column.
     */
    public PreparedSql updateByKey(DefaultEntityModel<?> model, PreparedSql update) {
        MappedColumn tenant = filters.tenantColumn(model);
        if (tenant == null) {
            return update;
        }
        List<Object> binds = new ArrayList<>(List.of(update.binds()));
        String condition = " AND " + tenantCondition(tenant, binds);
        String text = update.sql();
        int returning = text.indexOf(" RETURNING ");
        String guarded = returning < 0 ? text + condition
                : text.substring(0, returning) + condition + text.substring(returning);
        return new PreparedSql(guarded, binds.toArray());
    }

    private String tenantCondition(MappedColumn tenant, List<Object> binds) {
        String marker = dialect.bindMarker(binds.size(), tenant.databaseType());
        binds.add((PreparedSql.Deferred) context -> tenant.codec().toDatabase(filters.tenantIn(context)));
        return dialect.quote(tenant.columnName()) + " = " + marker;
    }

    private static boolean booleanFlag(MappedColumn column) {
        return column.javaType() == boolean.class || column.javaType() == Boolean.class;
    }
}
