package io.rowflow.internal.execution;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes literal values from driver messages before they reach Rowflow's exception messages:
 * drivers quote the offending values (H2 shows rows and keys, PostgreSQL shows input it could not
 * parse). The driver exception, kept as the cause, is left untouched for debugging.
 */
final class SqlRedactor {

    /** One masking step: what to find and what to put in its place ({@code $1} refers to a group). */
    private record Mask(Pattern pattern, String replacement) {
        Mask(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String message) {
            return pattern.matcher(message).replaceAll(match -> ONLY_MARKERS.matcher(match.group()).matches()
                    ? Matcher.quoteReplacement(match.group()) : replacement);
        }
    }

    /** Text that holds bind markers but no values, such as {@code VALUES ($1, $2), ($3, $4)}: left as it is. */
    private static final Pattern ONLY_MARKERS = Pattern.compile("(?i)VALUES[\\s(),]*(?:(?:\\$\\d+|\\?)[\\s(),]*)+");

    private static final String BALANCED = "(?:[^()]|\\([^()]*\\))*";
    private static final String DOUBLE_QUOTED = "\"(?:[^\"]|\"\")*\"";

    /** Applied in order: string literals first, so later steps see {@code '?'} instead of text with brackets. */
    private static final List<Mask> MASKS = List.of(
            // 'text' anywhere
            new Mask("'(?:[^']|'')*'", "'?'"),
            // VALUES (1, 'a'), (2, 'b'): the rows of a statement with literals, or the row of a unique index in H2
            new Mask("(?i)(VALUES\\s*)\\(" + BALANCED + "\\)(?:\\s*,\\s*\\(" + BALANCED + "\\))*", "$1(?)"),
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
        String redacted = message;
        for (Mask mask : MASKS) {
            redacted = mask.apply(redacted);
        }
        return redacted;
    }
}
