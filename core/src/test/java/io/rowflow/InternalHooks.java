package io.rowflow;

import io.rowflow.internal.query.TableConditions;

/** Reaches the database builder's internal hooks from test packages; not API. */
public final class InternalHooks {

    private InternalHooks() {
    }

    /** The builder with conditions on every read of the entities they name. */
    public static DatabaseBuilder tableConditions(DatabaseBuilder builder, TableConditions conditions) {
        return builder.tableConditions(conditions);
    }
}
