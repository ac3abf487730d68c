package io.rowflow.internal.execution;

import java.util.Locale;

/**
 * Masks the rows of {@code VALUES (...), (...)} lists in a message with one linear scan: a list of
 * a thousand rows is as cheap as one, where a regex repeating a group per row recurses once per
 * row. Rows are balanced parentheses (string literals are already masked by then); a list that
 * holds only bind markers ({@code ($1, $2), ($3, $4)}) is kept, any other becomes {@code (?)}.
 */
final class ValuesLists {

    private static final String KEYWORD = "values";

    private ValuesLists() {
    }

    static String mask(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (true) {
            int keyword = lower.indexOf(KEYWORD, from);
            if (keyword < 0) {
                break;
            }
            int start = skipSpaces(message, keyword + KEYWORD.length());
            int end = rows(message, start);
            if (end < 0 || (keyword > 0 && Character.isLetterOrDigit(message.charAt(keyword - 1)))) {
                from = keyword + KEYWORD.length();
                continue;
            }
            String list = message.substring(start, end);
            if (!SqlRedactor.onlyMarkers(list)) {
                out = out == null ? new StringBuilder(message.length()) : out;
                out.append(message, copied, start).append("(?)");
                copied = end;
            }
            from = end;
        }
        if (out == null) {
            return message;
        }
        return out.append(message, copied, message.length()).toString();
    }

    /** The end of the comma-separated parenthesised rows starting at {@code start}, or -1 when none starts there. */
    private static int rows(String text, int start) {
        int end = row(text, start);
        if (end < 0) {
            return -1;
        }
        while (true) {
            int comma = skipSpaces(text, end);
            if (comma >= text.length() || text.charAt(comma) != ',') {
                return end;
            }
            int next = row(text, skipSpaces(text, comma + 1));
            if (next < 0) {
                return end;
            }
            end = next;
        }
    }

    /** The end of one balanced parenthesised row at {@code start}, or -1. */
    private static int row(String text, int start) {
        if (start >= text.length() || text.charAt(start) != '(') {
            return -1;
        }
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int skipSpaces(String text, int index) {
        int i = index;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
