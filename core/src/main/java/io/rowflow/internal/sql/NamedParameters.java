package io.rowflow.internal.sql;

import io.rowflow.QueryException;
import io.rowflow.dialect.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code :name} parameters out of hand-written SQL and rewrites them into the dialect's
 * bind markers. Quoted strings ({@code '...'}, and PostgreSQL's {@code E'...'} with backslash
 * escapes), quoted identifiers ({@code "..."}, {@code `...`}), comments, PostgreSQL dollar-quoted
 * strings (a {@code $} inside an identifier such as {@code price$net} opens none) and {@code ::}
 * casts are copied unchanged. Each occurrence gets its own marker, so a name used twice is bound
 * twice.
 *
 * @param sql the rewritten SQL
 * @param occurrences the parameter name of each bind marker, in marker order
 */
public record NamedParameters(String sql, List<String> occurrences) {

    /** Parses the SQL for a dialect. */
    public static NamedParameters parse(String source, Dialect dialect) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        List<String> names = new ArrayList<>();
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            int end;
            if (c == '\'' && startsEscapeString(source, i)) {
                end = skipEscapeString(source, i);
            } else if (c == '\'' || c == '"' || c == '`') {
                end = skipQuoted(source, i, c);
            } else if (c == '-' && i + 1 < length && source.charAt(i + 1) == '-') {
                end = skipTo(source, i, "\n");
            } else if (c == '/' && i + 1 < length && source.charAt(i + 1) == '*') {
                end = skipTo(source, i + 2, "*/");
            } else if (c == '$' && !continuesIdentifier(source, i) && dollarTagEnd(source, i) > 0) {
                int tagEnd = dollarTagEnd(source, i);
                end = skipTo(source, tagEnd, source.substring(i, tagEnd));
            } else if (c == ':' && i + 1 < length && source.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':' && i + 1 < length && Character.isJavaIdentifierStart(source.charAt(i + 1))) {
                int nameEnd = i + 2;
                while (nameEnd < length && Character.isJavaIdentifierPart(source.charAt(nameEnd))) {
                    nameEnd++;
                }
                out.append(dialect.bindMarker(names.size()));
                names.add(source.substring(i + 1, nameEnd));
                i = nameEnd;
                continue;
            } else {
                end = i + 1;
            }
            out.append(source, i, end);
            i = end;
        }
        return new NamedParameters(out.toString(), List.copyOf(names));
    }

    /** The distinct parameter names, in order of first use. */
    public Set<String> names() {
        return new LinkedHashSet<>(occurrences);
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new QueryException("Unterminated " + quote + " quote in SQL: " + sql);
    }

    /** Whether the quote at {@code quote} opens a PostgreSQL escape string {@code E'...'}. */
    private static boolean startsEscapeString(String sql, int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && !continuesIdentifier(sql, quote - 1);
    }

    /** Skips an escape string, where a backslash escapes the next character (including a quote). */
    private static int skipEscapeString(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new QueryException("Unterminated ' quote in SQL: " + sql);
    }

    /** Whether the character at {@code index} is preceded by a character of an identifier (so it is part of it). */
    private static boolean continuesIdentifier(String sql, int index) {
        if (index == 0) {
            return false;
        }
        char previous = sql.charAt(index - 1);
        return Character.isLetterOrDigit(previous) || previous == '_' || previous == '$';
    }

    private static int skipTo(String sql, int from, String terminator) {
        int found = sql.indexOf(terminator, from);
        return found < 0 ? sql.length() : found + terminator.length();
    }

    /** The index after a {@code $tag$} opening at {@code start}, or -1 if there is none. */
    private static int dollarTagEnd(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            if (i == start + 1 && Character.isDigit(sql.charAt(i))) {
                return -1;
            }
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }
}
