package io.rowflow.query.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per mapping rule the processor checks: a fixture with one mistake, compiled once with
 * the processor and once without it. The processor must report an error on the line marked
 * {@code //!}, and the runtime must reject the same classes with exactly the same messages, so
 * the compile-time checks and the model builder cannot drift apart.
 */
class MappingChecksParityTest {

    private static final String IMPORTS = """
            package demo;

            import io.rowflow.Ref;
            import io.rowflow.annotation.*;
            import java.util.List;
            import java.util.Set;

            """;

    private static final String AUTHOR = """
            @Table
            public class Author {
                @Id
                private Long id;
                private String name;
            }
            """;

    private static final String TAG = """
            @Table
            public record Tag(@Id Long id, String label) {
            }
            """;

    private static final String ADDRESS = """
            public record Address(String street, String city) {
            }
            """;

    @TempDir
    Path directory;

    /** A mapping with one mistake; {@code //!} marks the line the processor reports it on. */
    record Case(String rule, Map<String, String> sources) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static Case rule(String rule, String... classes) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String source : classes) {
            String name = source.replaceAll("(?s).*?(?:class|record|enum|interface) (\\w+).*", "$1");
            sources.put(name + ".java", IMPORTS + source);
        }
        return new Case(rule, sources);
    }

    /** {@code Book} with these members after its {@code @Id}. */
    private static String book(String members) {
        return """
                @Table
                public class Book {
                    @Id
                    private Long id;
                %s
                }
                """.formatted(members.indent(4));
    }

    static Stream<Case> rules() {
        return Stream.of(
                rule("a to-one property that is not a Ref",
                        book("@ManyToOne private Author author; //!"), AUTHOR),
                rule("a to-many property that is not a collection",
                        book("@ManyToOne private Ref<Author> author;"), """
                        @Table
                        public class Author {
                            @Id
                            private Long id;
                            @OneToMany(mappedBy = "author") private Book books; //!
                        }
                        """),
                rule("a collection without its target as type argument",
                        book("@ManyToMany(mappedBy = \"books\") @SuppressWarnings(\"rawtypes\") private List tags; //!")),
                rule("two relationship annotations on one property",
                        book("@ManyToOne @OneToOne private Ref<Author> author; //!"), AUTHOR),
                rule("an owning many-to-many without a join table",
                        book("@ManyToMany private Set<Tag> tags; //!"), TAG),
                rule("mappedBy naming a property the target does not have",
                        book("@ManyToOne private Ref<Author> author;"), """
                        @Table
                        public class Author {
                            @Id
                            private Long id;
                            @OneToMany(mappedBy = "writer") private List<Book> books; //!
                        }
                        """),
                rule("mappedBy naming a property that is no relationship",
                        book("private String title;"), """
                        @Table
                        public class Author {
                            @Id
                            private Long id;
                            @OneToMany(mappedBy = "title") private List<Book> books; //!
                        }
                        """),
                rule("mappedBy naming a relationship to another entity",
                        book("@ManyToOne private Ref<Tag> tag;"), TAG, """
                        @Table
                        public class Author {
                            @Id
                            private Long id;
                            @OneToMany(mappedBy = "tag") private List<Book> books; //!
                        }
                        """),
                rule("an inverse one-to-one mappedBy another inverse side",
                        book("@OneToOne(mappedBy = \"book\") private Ref<Author> author; //!"), """
                        @Table
                        public class Author {
                            @Id
                            private Long id;
                            @OneToOne(mappedBy = "author") private Ref<Book> book; //!
                        }
                        """),
                rule("an inverse many-to-many mappedBy a property that does not own it",
                        book("@ManyToMany(mappedBy = \"books\") private Set<Tag> tags; //!"), """
                        @Table
                        public class Tag {
                            @Id
                            private Long id;
                            @ManyToMany(mappedBy = "tags") private List<Book> books; //!
                        }
                        """),
                rule("an entity without @Id", """
                        @Table
                        public class Note { //!
                            private Long id;
                            private String text;
                        }
                        """),
                rule("a relationship to an entity without @Id",
                        book("@ManyToOne private Ref<Author> author; //!"), """
                        @Table
                        public class Author { //!
                            private String name;
                        }
                        """),
                rule("@Version of a type that is no counter",
                        book("@Version private String version; //!")),
                rule("two @Version properties",
                        book("@Version private long version;\n@Version private long revision; //!")),
                rule("an @Id value object beside @Id properties",
                        book("@Id @Embedded(prefix = \"\") private Address place; //!"), ADDRESS),
                rule("a second @Id value object", """
                        @Table
                        public class Shelf {
                            @Id @Embedded private Address front;
                            @Id @Embedded private Address back; //!
                        }
                        """, ADDRESS),
                rule("an @Id value object of one column", """
                        @Table
                        public class Shelf {
                            @Id @Embedded private Code code; //!
                            private String name;
                        }
                        """, """
                        public record Code(String value) {
                        }
                        """),
                rule("@JoinColumns not matching the target's key",
                        book("@ManyToOne @JoinColumn(name = \"a1\") @JoinColumn(name = \"a2\") private Ref<Author> author; //!"),
                        AUTHOR),
                rule("a @JoinColumn per key column of a composite target key, one missing",
                        book("@ManyToOne @JoinColumn(name = \"shelf\") private Ref<Slot> slot; //!"), """
                        @Table
                        public class Slot {
                            @Id private Long shelf;
                            @Id private Long position;
                        }
                        """),
                rule("@Embedded on a single value",
                        book("@Embedded private String title; //!")),
                rule("@Embedded on an interface",
                        book("@Embedded private Shape shape; //!"), """
                        public interface Shape {
                        }
                        """),
                rule("@Id inside an embedded value object",
                        book("@Embedded private Place place; //!"), """
                        public record Place(@Id Long code, String city) {
                        }
                        """),
                rule("a relationship inside an embedded value object",
                        book("@Embedded private Place place; //!"), """
                        public record Place(String city, @ManyToOne Ref<Author> mayor) {
                        }
                        """, AUTHOR),
                rule("@Embedded and @Version on one property",
                        book("@Version @Embedded private Address home; //!"), ADDRESS),
                rule("two properties mapped to one column",
                        book("@Column(name = \"title\") private String title;\n@Column(name = \"TITLE\") private String subtitle; //!")),
                rule("two embedded value objects with the same prefix",
                        book("@Embedded(prefix = \"at_\") private Address home;\n@Embedded(prefix = \"at_\") private Address work; //!"),
                        ADDRESS),
                rule("a property declared after the relationship whose column it shares",
                        book("@ManyToOne @JoinColumn(name = \"writer\") private Ref<Author> author;\n"
                                + "@Column(name = \"writer\") private Long writer; //!"), AUTHOR),
                rule("a relationship sharing a column of another type",
                        book("@Column(name = \"writer\") private String writer;\n"
                                + "@ManyToOne @JoinColumn(name = \"writer\") private Ref<Author> author; //!"), AUTHOR),
                rule("a join column mapped twice",
                        book("@ManyToOne @JoinColumn(name = \"writer\") private Ref<Author> author;\n"
                                + "@ManyToOne @JoinColumn(name = \"writer\") private Ref<Author> editor; //!"), AUTHOR),
                rule("a column name that is no identifier",
                        book("@Column(name = \"first title\") private String title; //!")),
                rule("a join column name that is no identifier",
                        book("@ManyToOne @JoinColumn(name = \"1author\") private Ref<Author> author; //!"), AUTHOR),
                rule("a join table name that is no identifier",
                        book("@ManyToMany @JoinTable(name = \"book tag\", joinColumn = @JoinColumn(name = \"book_id\"), "
                                + "inverseJoinColumn = @JoinColumn(name = \"tag_id\")) private Set<Tag> tags; //!"), TAG),
                rule("a table name that is no identifier", """
                        @Table(name = "book-list")
                        public class Book { //!
                            @Id private Long id;
                        }
                        """),
                rule("a database type name that is no type name",
                        book("@Column(type = \"text; drop table book\") private String title; //!")),
                rule("@Transient on a record component", """
                        @Table
                        public record Note(@Id Long id, @Transient String draft) { //!
                        }
                        """),
                rule("an abstract entity", """
                        @Table
                        public abstract class Note { //!
                            @Id private Long id;
                        }
                        """),
                rule("an entity without mapped properties", """
                        @Table
                        public class Note { //!
                            @Transient private String draft;
                        }
                        """),
                rule("an inner class", """
                        public class Outer {
                            @Table
                            public class Note { //!
                                @Id private Long id;
                            }
                        }
                        """),
                rule("no usable constructor", """
                        @Table
                        public class Note { //!
                            @Id private final Long id;
                            private final String text;
                            public Note(Long id) { this(id, ""); }
                            public Note(Long id, String text) { this.id = id; this.text = text; }
                        }
                        """),
                rule("an @EntityConstructor not taking the mapped fields", """
                        @Table
                        public class Note {
                            @Id private final Long id;
                            private final String text;
                            @EntityConstructor
                            public Note(String text, Long id) { //!
                                this.id = id;
                                this.text = text;
                            }
                        }
                        """),
                rule("a final field without setter in a class filled through setters", """
                        @Table
                        public class Note {
                            @Id private Long id;
                            private final String text = ""; //!
                        }
                        """),
                rule("a many-to-many from an entity with a composite key", """
                        @Table
                        public class Shelf {
                            @Id private Long room;
                            @Id private Long position;
                            @ManyToMany @JoinTable(name = "shelf_tag", joinColumn = @JoinColumn(name = "shelf_id"),
                                    inverseJoinColumn = @JoinColumn(name = "tag_id"))
                            private Set<Tag> tags; //!
                        }
                        """, TAG),
                rule("a many-to-many to an entity with a composite key",
                        book("@ManyToMany @JoinTable(name = \"book_slot\", joinColumn = @JoinColumn(name = \"book_id\"), "
                                + "inverseJoinColumn = @JoinColumn(name = \"slot_id\")) private Set<Slot> slots; //!"), """
                        @Table
                        public class Slot {
                            @Id private Long shelf;
                            @Id private Long position;
                        }
                        """),
                rule("two enum constants stored as the same label",
                        book("private Rating rating; //!"), """
                        public enum Rating {
                            G, @EnumLabel("G") GENERAL, PG
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theProcessorReportsOnTheMarkedLineWhatTheRuntimeRejects(Case mapping) throws IOException {
        List<MappingCompiler.Reported> reported = assertSameMessagesOnMarkedLines(mapping);

        assertThat(reported).as("processor errors").anyMatch(MappingCompiler.Reported::error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesOfTheDefaultConfiguration")
    void theProcessorWarnsOnTheMarkedLineOfWhatTheDefaultConfigurationRejects(Case mapping) throws IOException {
        List<MappingCompiler.Reported> reported = assertSameMessagesOnMarkedLines(mapping);

        assertThat(reported).as("processor warnings only").noneMatch(MappingCompiler.Reported::error);
    }

    /** The processor reports on marked lines only, and exactly the messages of the runtime's rejections. */
    private List<MappingCompiler.Reported> assertSameMessagesOnMarkedLines(Case mapping) throws IOException {
        MappingCompiler compiler = new MappingCompiler(directory);

        List<MappingCompiler.Reported> reported = compiler.processorReports(mapping.sources());
        Set<String> rejected = compiler.runtimeRejections(mapping.sources());

        assertThat(rejected).as("the runtime rejects the fixture").isNotEmpty();
        assertThat(reported).as("processor reports")
                .allSatisfy(report -> assertThat(report.line()).as(report.message()).contains("//!"));
        Set<String> messages = new LinkedHashSet<>(reported.stream().map(MappingCompiler.Reported::message).toList());
        assertThat(messages).as("the processor's messages are the runtime's").isEqualTo(rejected);
        return reported;
    }

    /**
     * Mistakes the runtime rejects as the {@code Database} is configured by default: a converter,
     * a naming strategy or a code mapping could make them right, so they are warnings.
     */
    static Stream<Case> rulesOfTheDefaultConfiguration() {
        return Stream.of(
                rule("a column named like another property's derived name",
                        book("private String title;\n@Column(name = \"title\") private String name; //!")),
                rule("an embedded column named like a property",
                        book("private String homeCity;\n@Embedded private Address home; //!"), ADDRESS),
                rule("a relationship sharing a derived column of another type", """
                        @Table
                        public class Book {
                            @Id private String author;
                            @ManyToOne @JoinColumn(name = "author") private Ref<Author> writer; //!
                        }
                        """, AUTHOR),
                rule("an @Id record beside @Id properties", """
                        @Table
                        public class Shelf {
                            @Id private Address place; //!
                            @Id private Long position;
                        }
                        """, ADDRESS),
                rule("an @Id record with a @Version inside", """
                        @Table
                        public class Shelf {
                            @Id private Stamp stamp; //!
                            private String name;
                        }
                        """, """
                        public record Stamp(long at, @Version long version) {
                        }
                        """),
                rule("a relationship to a class without @Table",
                        book("@ManyToOne private Ref<Address> home; //!"), ADDRESS),
                rule("@JoinColumns not matching a target's @Id record",
                        book("@ManyToOne @JoinColumn(name = \"shelf\") private Ref<Shelf> shelf; //!"), """
                        @Table
                        public class Shelf {
                            @Id private Address place;
                        }
                        """, ADDRESS),
                rule("constructor parameters in another order than the fields", """
                        @Table
                        public class Note {
                            @Id private final String first;
                            private final String last;
                            @EntityConstructor
                            Note(String last, //!
                                 String first) {
                                this.first = first;
                                this.last = last;
                            }
                        }
                        """));
    }

    @Test
    void checksAreOffWithTheProcessorOption() throws IOException {
        Case mapping = rules().findFirst().orElseThrow();

        List<MappingCompiler.Reported> reported = new MappingCompiler(directory)
                .processorReports(mapping.sources(), "-Arowflow.checks=off");

        assertThat(reported).isEmpty();
    }

    @Test
    void aTypeJavacCannotResolveIsLeftToJavac() throws IOException {
        Case mapping = rule("an embedded type that does not exist", """
                @Table
                public class Book {
                    @Embedded private Missing home;
                    private Other title;
                }
                """);

        List<MappingCompiler.Reported> reported = new MappingCompiler(directory).processorReports(mapping.sources());

        assertThat(reported).isNotEmpty()
                .allSatisfy(report -> assertThat(report.message()).startsWith("cannot find symbol"));
    }

    @Test
    void onlyErrorsWithTheProcessorOptionErrors() throws IOException {
        Case mapping = rulesOfTheDefaultConfiguration().findFirst().orElseThrow();

        List<MappingCompiler.Reported> reported = new MappingCompiler(directory)
                .processorReports(mapping.sources(), "-Arowflow.checks=errors");

        assertThat(reported).isEmpty();
    }
}
