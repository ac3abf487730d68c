package io.rowflow.test;

import io.rowflow.observe.OperationKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The statements one recorded piece of work sent, in the order they started: what
 * {@link StatementRecorder} hands out and {@link RowflowAssertions#assertThat(RecordedStatements)}
 * checks.
 *
 * @param name what was recorded: {@code "record"} for {@link StatementRecorder#record}, the request
 *             ({@code GET /books}) for a web exchange, {@code "all"} for everything since the last clear
 * @param statements the statements, in start order
 * @since 0.1
 */
public record RecordedStatements(String name, List<RecordedStatement> statements) {

    /** Copies the list. */
    public RecordedStatements {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
    }

    /** How many statements were sent. */
    public int count() {
        return statements.size();
    }

    /** How many statements match. */
    public int count(Predicate<RecordedStatement> filter) {
        return (int) statements.stream().filter(filter).count();
    }

    /** How many statements of this kind were sent. */
    public int count(OperationKind kind) {
        return count(statement -> statement.kind() == kind);
    }

    /** How many statements name this table first (see {@link RecordedStatement#table()}), ignoring case. */
    public int countOnTable(String table) {
        return count(statement -> table.equalsIgnoreCase(statement.table()));
    }

    /** The SQL of every statement, in order. */
    public List<String> sql() {
        return statements.stream().map(RecordedStatement::sql).toList();
    }

    /** The shape of every statement, in order. */
    public List<String> shapes() {
        return statements.stream().map(RecordedStatement::shape).toList();
    }

    /** How many statements each shape had, in the order each shape first appeared. */
    public Map<String, Integer> countsByShape() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        statements.forEach(statement -> counts.merge(statement.shape(), 1, Integer::sum));
        return counts;
    }

    /** How many statements each table had (by {@link RecordedStatement#table()}; {@code ""} for none). */
    public Map<String, Integer> countsByTable() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        statements.forEach(statement -> counts.merge(Objects.requireNonNullElse(statement.table(), ""), 1, Integer::sum));
        return counts;
    }

    /** The shapes sent more than {@code times} times, with their counts: an N+1 pattern when not empty. */
    public Map<String, Integer> shapesRepeatedMoreThan(int times) {
        Map<String, Integer> repeated = new LinkedHashMap<>();
        countsByShape().forEach((shape, count) -> {
            if (count > times) {
                repeated.put(shape, count);
            }
        });
        return repeated;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(": ").append(count()).append(" statement(s)");
        statements.forEach(statement -> text.append("\n  ").append(statement.kind()).append(' ').append(statement.sql()));
        return text.toString();
    }
}
