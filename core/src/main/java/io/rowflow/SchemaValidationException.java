package io.rowflow;

import java.util.List;

/**
 * The live database schema does not match the entity mappings: emitted by
 * {@link Schema#validate(Class[])} with every problem found at once — missing tables and columns,
 * incompatible column types, nullability and primary-key mismatches, missing link tables. Each
 * problem names the entity class, the property where there is one, the table and the column.
 *
 * @since 0.1
 */
public class SchemaValidationException extends MappingException {

    private final List<String> problems;

    /** Creates the exception listing the problems, one a line. */
    public SchemaValidationException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each, in the order of the entities and their columns. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return "The database schema does not match the mapping (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems);
    }
}
