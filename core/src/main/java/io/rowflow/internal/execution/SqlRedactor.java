package io.rowflow.internal.execution;

import java.util.regex.Pattern;

/**
 * Removes literal values from driver messages before they reach Rowflow's exception messages:
 * some drivers (H2) quote the offending values. The driver exception, kept as the cause, is left
 * untouched for debugging.
 */
final class SqlRedactor {

    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern VALUES_LIST = Pattern.compile("(?i)(VALUES\\s*)\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern KEY_DETAIL = Pattern.compile("\\)=\\((?:[^()]|\\([^()]*\\))*\\)");

    private SqlRedactor() {
    }

    /** The message with quoted literals, {@code VALUES (...)} lists and {@code (key)=(value)} details masked. */
    static String redact(String message) {
        String redacted = QUOTED.matcher(message).replaceAll("'?'");
        redacted = VALUES_LIST.matcher(redacted).replaceAll("$1(?)");
        return KEY_DETAIL.matcher(redacted).replaceAll(")=(?)");
    }
}
