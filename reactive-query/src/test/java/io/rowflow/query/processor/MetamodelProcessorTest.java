package io.rowflow.query.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles entities and queries with the real compiler and the processor, the way a user's build
 * does: the generated metamodel compiles without warnings, and renaming a field breaks the
 * compilation of a query that used the old name.
 */
class MetamodelProcessorTest {

    private static final String QUERY = """
            package demo;

            import static io.rowflow.query.Queries.select;

            import io.rowflow.query.SelectQuery;

            public class Usage {
                public static SelectQuery<Book> recent() {
                    return select(Book_.BOOK)
                            .where(Book_.BOOK.title.startsWith("The").and(Book_.BOOK.year.gt(1960)))
                            .orderBy(Book_.BOOK.home.city.asc());
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void generatedMetamodelCompilesWithoutWarnings() throws IOException {
        Compilation compilation = compile(entity("title"), QUERY);

        assertThat(compilation.success()).as(compilation.report()).isTrue();
        assertThat(compilation.diagnostics()).as(compilation.report())
                .noneMatch(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING);
        String generated = Files.readString(directory.resolve("generated/demo/Book_.java"));
        assertThat(generated)
                .contains("public static final Book_ BOOK = new Book_(\"book\");")
                .contains("public final StringPath title = string(\"title\");")
                .contains("public final NumberPath<Integer> year = number(\"year\", Integer.class);")
                .contains("public final AddressPath home = new AddressPath(this, \"home\");")
                .doesNotContain("note");
    }

    @Test
    void collectionAndArrayPropertiesGetPathsOfTheirDeclaredType() throws IOException {
        String entity = entity("title").replace("    @Transient\n",
                "    private java.util.List<String> tags;\n"
                + "    private java.util.Set<java.util.List<Integer>> groups;\n"
                + "    private String[] labels;\n"
                + "    private int[] scores;\n"
                + "    @Transient\n");
        String query = QUERY.replace("    public static SelectQuery<Book> recent() {", """
                    public static SelectQuery<java.util.List<String>> tags() {
                        return select(Book_.BOOK.tags).where(Book_.BOOK.tags.eq(java.util.List.of("a")));
                    }

                    public static SelectQuery<String[]> labels() {
                        return select(Book_.BOOK.labels);
                    }

                    public static SelectQuery<Book> recent() {""");

        Compilation compilation = compile(entity, query);

        assertThat(compilation.success()).as(compilation.report()).isTrue();
        assertThat(compilation.diagnostics()).as(compilation.report())
                .noneMatch(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING);
        assertThat(Files.readString(directory.resolve("generated/demo/Book_.java")))
                .contains("public final SimplePath<java.util.List<String>> tags = parameterized(\"tags\", java.util.List.class);")
                .contains("public final SimplePath<java.util.Set<java.util.List<Integer>>> groups = "
                        + "parameterized(\"groups\", java.util.Set.class);")
                .contains("public final SimplePath<String[]> labels = simple(\"labels\", String[].class);")
                .contains("public final SimplePath<int[]> scores = simple(\"scores\", int[].class);");
    }

    @Test
    void anIdRecordGetsANestedPathLikeAnEmbeddedValueObject() throws IOException {
        String keyedByRecord = entity("title").replace("@Id\n    private Long id;", "@Id\n    private Address key;");

        Compilation compilation = compile(keyedByRecord, QUERY);

        assertThat(compilation.success()).as(compilation.report()).isTrue();
        assertThat(Files.readString(directory.resolve("generated/demo/Book_.java")))
                .contains("public final AddressPath key = new AddressPath(this, \"key\");")
                .contains("public final StringPath street = string(\"street\");");
    }

    @Test
    void severalIdPropertiesEachGetTheirOwnPath() throws IOException {
        String twoIds = entity("title").replace("@Id\n    private Long id;", "@Id\n    private Long shelf;\n    @Id\n    private Long slot;");

        Compilation compilation = compile(twoIds, QUERY);

        assertThat(compilation.success()).as(compilation.report()).isTrue();
        assertThat(Files.readString(directory.resolve("generated/demo/Book_.java")))
                .contains("public final NumberPath<Long> shelf = number(\"shelf\", Long.class);")
                .contains("public final NumberPath<Long> slot = number(\"slot\", Long.class);");
    }

    @Test
    void typeUseNullableAnnotationsDoNotChangeThePathOrLeakIntoClassLiterals() throws IOException {
        String annotated = entity("title").replace("    @Transient\n",
                "    private @org.jspecify.annotations.Nullable String subtitle;\n"
                + "    private java.lang.@org.jspecify.annotations.Nullable Integer pages;\n"
                + "    private java.util.@org.jspecify.annotations.Nullable UUID isbn;\n"
                + "    private java.util.List<@org.jspecify.annotations.Nullable String> notes;\n"
                + "    @Transient\n");

        Compilation compilation = compile(annotated, QUERY);

        assertThat(compilation.success()).as(compilation.report()).isTrue();
        assertThat(Files.readString(directory.resolve("generated/demo/Book_.java")))
                .contains("public final StringPath subtitle = string(\"subtitle\");")
                .contains("public final NumberPath<Integer> pages = number(\"pages\", Integer.class);")
                .contains("public final ComparablePath<java.util.UUID> isbn = comparable(\"isbn\", java.util.UUID.class);")
                .contains("public final SimplePath<java.util.List<String>> notes = parameterized(\"notes\", java.util.List.class);");
    }

    @Test
    void renamingAFieldBreaksTheQueryAtCompileTime() throws IOException {
        Compilation compilation = compile(entity("name"), QUERY);

        assertThat(compilation.success()).isFalse();
        assertThat(compilation.errors()).anySatisfy(message -> assertThat(message).contains("title"));
    }

    @Test
    void comparingAPathWithAValueOfTheWrongTypeDoesNotCompile() throws IOException {
        String wrongType = QUERY.replace("Book_.BOOK.year.gt(1960)", "Book_.BOOK.year.gt(\"1960\")");

        Compilation compilation = compile(entity("title"), wrongType);

        assertThat(compilation.success()).isFalse();
        assertThat(compilation.errors()).anySatisfy(message -> assertThat(message).contains("gt"));
    }

    private static String entity(String titleField) {
        return """
                package demo;

                import io.rowflow.annotation.Embedded;
                import io.rowflow.annotation.Id;
                import io.rowflow.annotation.Table;
                import io.rowflow.annotation.Transient;

                @Table
                public class Book {
                    @Id
                    private Long id;
                    private String %s;
                    private int year;
                    @Embedded
                    private Address home;
                    @Transient
                    private String note;
                }
                """.formatted(titleField);
    }

    private static final String ADDRESS = """
            package demo;

            public record Address(String street, String city) {
            }
            """;

    private Compilation compile(String entity, String query) throws IOException {
        Path sources = Files.createDirectories(directory.resolve("src/demo"));
        Files.writeString(sources.resolve("Book.java"), entity);
        Files.writeString(sources.resolve("Address.java"), ADDRESS);
        Files.writeString(sources.resolve("Usage.java"), query);
        Path classes = Files.createDirectories(directory.resolve("classes"));
        Path generated = Files.createDirectories(directory.resolve("generated"));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-s", generated.toString(),
                    "-processor", MetamodelProcessor.class.getName(), "-Xlint:all", "-Xlint:-processing");
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(
                    sources.resolve("Book.java"), sources.resolve("Address.java"), sources.resolve("Usage.java"));
            StringWriter output = new StringWriter();
            boolean success = compiler.getTask(output, files, diagnostics, options, null, units).call();
            return new Compilation(success, diagnostics.getDiagnostics());
        }
    }

    private record Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<String> errors() {
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(diagnostic.getMessage(Locale.ROOT));
                }
            }
            return errors;
        }

        String report() {
            StringBuilder report = new StringBuilder();
            diagnostics.forEach(d -> report.append(d.getKind()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n'));
            return report.toString();
        }
    }
}
