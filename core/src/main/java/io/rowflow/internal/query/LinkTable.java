package io.rowflow.internal.query;

/**
 * The link table of a many-to-many relationship as a keyed read joins it: the targets' rows are
 * joined to their links ({@code link.targetColumn = target key}), selected by the owner keys the
 * links hold ({@code link.ownerColumn}), and each row carries that owner key after the target's
 * columns.
 *
 * @param name the link table's name, unquoted
 * @param ownerColumn the column holding the owner's key
 * @param targetColumn the column holding the target's key
 */
public record LinkTable(String name, String ownerColumn, String targetColumn) {
}
