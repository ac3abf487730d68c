package io.rowflow.mapping;

/**
 * Derives table and column names for classes and properties that do not name them explicitly.
 *
 * @since 0.1
 */
public interface NamingStrategy {

    /** snake_case: {@code BookReview} becomes {@code book_review}, {@code isbnCode} becomes {@code isbn_code}. */
    NamingStrategy SNAKE_CASE = new NamingStrategy() {
        @Override
        public String tableName(Class<?> entityType) {
            return toSnakeCase(entityType.getSimpleName());
        }

        @Override
        public String columnName(String propertyName) {
            return toSnakeCase(propertyName);
        }

        @Override
        public String toString() {
            return "NamingStrategy.SNAKE_CASE";
        }
    };

    /** Names unchanged: the table is the simple class name, the column is the property name. */
    NamingStrategy AS_IS = new NamingStrategy() {
        @Override
        public String tableName(Class<?> entityType) {
            return entityType.getSimpleName();
        }

        @Override
        public String columnName(String propertyName) {
            return propertyName;
        }

        @Override
        public String toString() {
            return "NamingStrategy.AS_IS";
        }
    };

    /** The table name for an entity class without an explicit {@code @Table(name)}. */
    String tableName(Class<?> entityType);

    /** The column name for a property without an explicit {@code @Column(name)}. */
    String columnName(String propertyName);

    /**
     * Converts camelCase or PascalCase to snake_case; runs of capitals stay together
     * ({@code ISBNCode} becomes {@code isbn_code}).
     */
    static String toSnakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousIsLowerOrDigit = i > 0
                        && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean endOfAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (out.length() > 0 && (previousIsLowerOrDigit || endOfAcronym)) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
