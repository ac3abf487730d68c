package io.rowflow.internal.execution;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes literal values from driver messages before they reach Rowflow's exception messages:
 * drivers quote the offending values (H2 shows rows and keys, PostgreSQL shows input it could not
 * parse). The driver exception, kept as the cause, is left untouched for debugging.
 *
 * <p>Messages can be long (H2 repeats the whole statement, a multi-row insert of a thousand rows
 * included), so no pattern here repeats a group per character or per row: Java's regex engine
 * recurses for such repetitions and overflowed the stack on a long message, an error Reactor treats
 * as fatal and that left the statement's subscriber waiting forever. Possessive runs are used
 * instead, and {@code VALUES} lists are scanned by {@link ValuesLists}.
 */
final class SqlRedactor {

    /** One masking step: what to find and what to put in its place ({@code $1} refers to a group). */
    private record Mask(Pattern pattern, String replacement) {
        Mask(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String message) {
            return pattern.matcher(message).replaceAll(match -> onlyMarkers(match.group())
                    ? Matcher.quoteReplacement(match.group()) : replacement);
        }
    }

    /** Text inside parentheses, with parenthesised parts one level deep, such as {@code 1, f('?')}. */
    private static final String BALANCED = "[^()]*+(?:\\([^()]*+\\)[^()]*+)*+";
    private static final String DOUBLE_QUOTED = "\"[^\"]*+(?:\"\"[^\"]*+)*+\"";

    /** Applied in order: string literals first, so later steps see {@code '?'} instead of text with brackets. */
    private static final List<Mask> MASKS = List.of(
            // 'text' anywhere
            new Mask("'[^']*+(?:''[^']*+)*+'", "'?'"),
            // ( /* key:1 */ 1, 'a', NULL): the row H2 shows for a primary-key violation
            new Mask("\\(\\s*/\\*\\s*key:[^*]*\\*/" + BALANCED + "\\)", "(?)"),
            // REFERENCES t(id) (424242): the missing key H2 shows for a foreign-key violation
            new Mask("(?i)(REFERENCES\\s+[^\\s(]+\\s*\\([^()]*\\)\\s*)\\(" + BALANCED + "\\)", "$1(?)"),
            // CAST(1 AS BIGINT)
            new Mask("(?i)\\bCAST\\([^()]*?\\s+AS\\s+", "CAST(? AS "),
            // Key (email)=(a@b.c): PostgreSQL's detail
            new Mask("\\)=\\(" + BALANCED + "\\)", ")=(?)"),
            // converting "abc": H2's conversion errors
            new Mask("(?i)(converting\\s+)" + DOUBLE_QUOTED, "$1\"?\""),
            // invalid input syntax for type integer: "abc", ... out of range: "abc"
            new Mask("(?i)((?:for type|for enum|out of range)[^\"':]*:\\s*)" + DOUBLE_QUOTED, "$1\"?\""),
            // value "99999999999" is out of range
            new Mask("(?i)(\\bvalue\\s+)" + DOUBLE_QUOTED + "(\\s+is out of range)", "$1\"?\"$2"));

    private SqlRedactor() {
    }

    /**
     * The message with values masked: quoted literals, {@code VALUES (...)} lists, the rows and keys
     * H2 prints for constraint violations, {@code CAST(value AS type)}, {@code (key)=(value)}
     * details, and the input PostgreSQL and H2 quote when they cannot convert it.
     */
    static String redact(String message) {
        String redacted = MASKS.get(0).apply(message);
        // VALUES (1, 'a'), (2, 'b'): the rows of a statement with literals, or the row of a unique index in H2
        redacted = ValuesLists.mask(redacted);
        for (Mask mask : MASKS.subList(1, MASKS.size())) {
            redacted = mask.apply(redacted);
        }
        return redacted;
    }

    /** Whether text holds bind markers ({@code $1}, {@code ?}) and punctuation but no values. */
    static boolean onlyMarkers(String text) {
        boolean marker = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?' || (c == '$' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                marker = true;
            } else if (!(Character.isWhitespace(c) || c == '(' || c == ')' || c == ',' || Character.isDigit(c) && i > 0
                    && (text.charAt(i - 1) == '$' || Character.isDigit(text.charAt(i - 1)) && precededByMarker(text, i)))) {
                return false;
            }
        }
        return marker;
    }

    /** Whether the run of digits ending before {@code i} starts with {@code $}. */
    private static boolean precededByMarker(String text, int i) {
        int start = i;
        while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
            start--;
        }
        return start > 0 && text.charAt(start - 1) == '$';
    }
}
