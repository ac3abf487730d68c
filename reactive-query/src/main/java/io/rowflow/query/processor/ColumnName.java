package io.rowflow.query.processor;

import io.rowflow.mapping.NamingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A column name as far as the source decides it: literal parts (from {@code @Column},
 * {@code @JoinColumn}, {@code @Embedded(prefix)}) and parts the {@code Database}'s naming strategy
 * derives from property names, which are unknown at compile time unless the default strategy is
 * assumed. Two names are certainly equal when their parts are.
 */
record ColumnName(List<Object> parts) {

    private static final Pattern IDENTIFIER_START = Pattern.compile("[\\p{L}_]");
    private static final Pattern IDENTIFIER_PART = Pattern.compile("[\\p{L}\\p{N}_$]*");

    ColumnName {
        parts = normalized(parts);
    }

    /** No name yet: the start of a prefix. */
    static ColumnName empty() {
        return new ColumnName(List.of());
    }

    /** This name followed by literal text. */
    ColumnName then(String literal) {
        return append(literal);
    }

    /**
     * This name followed by the name of a property: derived by the naming strategy, which is
     * unknown, or with {@code defaults} the snake_case of the default strategy.
     */
    ColumnName thenDerived(String property, boolean defaults) {
        return append(defaults ? NamingStrategy.toSnakeCase(property) : new Derived(property));
    }

    private ColumnName append(Object part) {
        List<Object> longer = new ArrayList<>(parts);
        longer.add(part);
        return new ColumnName(longer);
    }

    /**
     * Whether the name certainly is no valid identifier (letters, digits, {@code _} and {@code $},
     * not starting with a digit), whatever the naming strategy makes of the derived parts.
     */
    boolean certainlyInvalid() {
        if (parts.isEmpty()) {
            return true;
        }
        boolean badCharacter = parts.stream().anyMatch(part -> part instanceof String text && !IDENTIFIER_PART.matcher(text).matches());
        boolean badStart = parts.get(0) instanceof String text && !IDENTIFIER_START.matcher(text.substring(0, 1)).matches();
        return badCharacter || badStart;
    }

    /** Whether the two names are the same whatever the naming strategy (the database ignores case). */
    boolean sameAs(ColumnName other) {
        if (parts.size() != other.parts.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            Object mine = parts.get(i);
            Object theirs = other.parts.get(i);
            boolean same = mine instanceof String text ? theirs instanceof String literal && text.equalsIgnoreCase(literal)
                    : mine.equals(theirs);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The name as the default naming strategy (snake_case) makes it, for messages. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            out.append(part instanceof Derived derived ? NamingStrategy.toSnakeCase(derived.property) : part);
        }
        return out.toString();
    }

    /** Adjacent literals joined, empty ones dropped. */
    private static List<Object> normalized(List<Object> name) {
        List<Object> parts = new ArrayList<>();
        for (Object part : name) {
            if (part instanceof String text && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof String previous) {
                parts.set(parts.size() - 1, previous + text);
            } else if (!(part instanceof String text && text.isEmpty())) {
                parts.add(part);
            }
        }
        return List.copyOf(parts);
    }

    /** A part the naming strategy derives from a property name. */
    private record Derived(String property) {
    }
}
