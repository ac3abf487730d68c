package io.rowflow.contract;

import java.sql.Connection;
import java.time.LocalDateTime;
import org.h2.api.Trigger;

/**
 * The {@code note} table's trigger on H2, where a trigger is a Java class named in
 * {@code CREATE TRIGGER ... CALL}: as the PostgreSQL and MariaDB ones, it counts edits (1 on insert,
 * one more on each update) and stamps {@code updated_at}. Columns: id, body, created_at, edits,
 * updated_at.
 */
public final class H2NoteTouch implements Trigger {

    private static final int EDITS = 3;
    private static final int UPDATED_AT = 4;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        newRow[EDITS] = oldRow == null ? 1 : ((Number) oldRow[EDITS]).intValue() + 1;
        newRow[UPDATED_AT] = LocalDateTime.now();
    }
}
