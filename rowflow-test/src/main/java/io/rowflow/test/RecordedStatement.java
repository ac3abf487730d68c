package io.rowflow.test;

import io.rowflow.observe.OperationKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One statement a database sent, as a {@link StatementRecorder} saw it on Rowflow's execution seam
 * (never with bound values).
 *
 * @param kind what the statement was for
 * @param entityType the entity it read or wrote, or {@code null}
 * @param relationship the relationship a follow-up query loaded ({@code Book.author}), or {@code null}
 * @param sql the SQL with bind markers
 * @param coalesced whether it served several callers at once (coalescing)
 * @param inTransaction whether it ran in a transaction (the test's counts)
 * @param rows the rows it read or affected ({@code -1} while it runs)
 * @since 0.1
 */
public record RecordedStatement(OperationKind kind, @Nullable Class<?> entityType, @Nullable String relationship,
                                String sql, boolean coalesced, boolean inTransaction, long rows) {

    private static final Pattern CURSOR = Pattern.compile("^DECLARE rowflow_cursor_\\d+ NO SCROLL CURSOR FOR ");
    private static final Pattern MARKER = Pattern.compile("\\$\\d+|\\?|:\\w+");
    private static final Pattern MARKER_LIST = Pattern.compile("\\?(\\s*,\\s*\\?)+");
    private static final Pattern ROW_LIST = Pattern.compile("\\(\\?(?:, \\?…)?\\)(\\s*,\\s*\\(\\?(?:, \\?…)?\\))+");
    private static final Pattern TABLE = Pattern.compile(
            "(?i)\\b(?:from|into|update|join)\\s+((?:[`\"]?\\w+[`\"]?\\.)?[`\"]?\\w+[`\"]?)");

    /**
     * The statement's shape: its SQL with every bind marker written {@code ?} and lists of markers
     * or rows of any length written as one, so that the statements of one query with different
     * values, or of {@code IN} lists and multi-row inserts of different lengths, share a shape. A
     * query streamed through a PostgreSQL cursor has the shape of the query.
     */
    public String shape() {
        String markers = MARKER.matcher(CURSOR.matcher(sql).replaceFirst("")).replaceAll("?");
        String lists = MARKER_LIST.matcher(markers).replaceAll("?, ?…");
        return ROW_LIST.matcher(lists).replaceAll(match -> Matcher.quoteReplacement(
                match.group().substring(0, match.group().indexOf(')') + 1) + ", …"));
    }

    /**
     * The first table the statement names (after {@code FROM}, {@code INTO}, {@code UPDATE} or
     * {@code JOIN}), unquoted, in lower case, without its schema; {@code null} when it names none.
     */
    public @Nullable String table() {
        Matcher matcher = TABLE.matcher(sql);
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).replaceAll("[`\"]", "");
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
