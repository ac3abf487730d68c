package io.rowflow.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.Database;
import io.rowflow.MappingException;
import io.rowflow.annotation.Column;
import io.rowflow.annotation.Embedded;
import io.rowflow.annotation.EntityConstructor;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.Transient;
import io.rowflow.annotation.Version;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.fixtures.Address;
import io.rowflow.fixtures.Author;
import io.rowflow.fixtures.Book;
import io.rowflow.fixtures.Customer;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.mapping.ColumnModel;
import io.rowflow.mapping.EntityModel;
import io.rowflow.mapping.NamingStrategy;
import io.rowflow.test.TestDatabases;
import java.awt.Point;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Building entity models from annotations, without a database: every way an entity can be
 * broken fails with a {@link MappingException} naming the class and the field, and names,
 * prefixes and column order come out as documented.
 */
class EntityModelBuilderTest {

    private final EntityModels models = new EntityModels(NamingStrategy.SNAKE_CASE,
            new ConverterRegistry(Map.of(), new H2Dialect()));

    // ---- instances handed to several callers ----

    @Table
    record Plain(@Id Long id, String name, java.time.Instant at, java.math.BigDecimal price) {
    }

    @Table
    record WithBytes(@Id Long id, byte[] payload) {
    }

    @Test
    void onlyImmutableTypesWithImmutableValuesAreShareable() {
        assertThat(models.entity(Plain.class).shareable()).isTrue();
        assertThat(models.entity(WithBytes.class).shareable()).as("a record holding an array").isFalse();
        assertThat(models.entity(io.rowflow.fixtures.Book.class).shareable()).as("a mutable class").isFalse();
    }

    @Test
    void aCopyHasItsOwnArrays() {
        WithBytes original = new WithBytes(1L, new byte[] {1, 2, 3});
        WithBytes copy = models.entity(WithBytes.class).copy(original);

        copy.payload()[0] = 9;

        assertThat(original.payload()).containsExactly(1, 2, 3);
        assertThat(copy.id()).isEqualTo(1L);
    }

    // ---- broken entities ----

    @Test
    void entityWithoutIdIsRejected() {
        assertMappingFails(NoId.class, NoId.class.getName(), "@Id");
    }

    @Test
    void severalIdPropertiesFormACompositeKeyInDeclarationOrder() {
        DefaultEntityModel<TwoIds> model = models.entity(TwoIds.class);

        assertThat(model.key().columns()).extracting(MappedColumn::columnName).containsExactly("first", "second");
        assertThat(model.key().valueType()).isEqualTo(io.rowflow.Key.class);
        assertThat(model.idOf(new TwoIds(1L, 2L))).isEqualTo(io.rowflow.Key.of(1L, 2L));
        assertThat(model.idOf(new TwoIds(1L, null))).isNull();
        assertThat(model.keyColumns()).extracting(ColumnModel::columnName).containsExactly("first", "second");
        assertThatThrownBy(model::idColumn).isInstanceOf(IllegalStateException.class).hasMessageContaining("(first, second)");
    }

    @Test
    void anIdRecordIsTheKeyAndItsComponentsTheKeyColumns() {
        DefaultEntityModel<RecordKeyed> model = models.entity(RecordKeyed.class);

        assertThat(columnNames(model)).containsExactly("store_id", "film_id", "copies");
        assertThat(model.key().columns()).extracting(MappedColumn::propertyPath).containsExactly("key.storeId", "key.filmId");
        assertThat(model.key().columns()).allSatisfy(column -> assertThat(column.nullable()).isFalse());
        assertThat(model.idOf(new RecordKeyed(new PairKey(3, 4), 9))).isEqualTo(new PairKey(3, 4));
        assertThat(model.key().columnValues(new PairKey(3, 4))).containsExactly(3, 4);
        assertThat(model.key().fromColumns(new Object[]{5, 6})).isEqualTo(new PairKey(5, 6));
    }

    @Test
    void anIdRecordTogetherWithAnotherIdPropertyIsRejectedNamingBoth() {
        assertMappingFails(KeyRecordAndId.class, KeyRecordAndId.class.getName(), "key", "extra", "not both");
    }

    @Test
    void aGeneratedPropertyInACompositeKeyIsRejected() {
        assertMappingFails(GeneratedInComposite.class, GeneratedInComposite.class.getName() + ".first",
                "@GeneratedValue", "[first, second]");
    }

    @Test
    void anIdRecordOfOneComponentIsRejected() {
        assertMappingFails(OneComponentKey.class, OneComponentKey.class.getName() + ".key", "one column");
    }

    @Test
    void aForeignKeyToACompositeKeyNeedsOneJoinColumnPerKeyColumn() {
        assertMappingFails(OneJoinColumnForTwo.class, OneJoinColumnForTwo.class.getName() + ".pair", "1 @JoinColumn",
                "[first, second]");
    }

    @Test
    void aForeignKeyToACompositeKeyHasOneColumnPerKeyColumnWithTheTargetsKeyValues() {
        DefaultEntityModel<TwoJoinColumns> model = models.entity(TwoJoinColumns.class);
        MappedRelation pair = model.relation("pair");

        assertThat(pair.joinColumn()).isNull();
        assertThat(pair.joinColumns()).extracting(ColumnModel::columnName).containsExactly("pair_first", "pair_second");
        TwoJoinColumns row = model.assemble(new Object[]{7L, 1L, 2L});
        assertThat(row.pair().id()).isEqualTo(io.rowflow.Key.of(1L, 2L));
        assertThat(model.extract(new TwoJoinColumns(8L, io.rowflow.Ref.to(io.rowflow.Key.of(3L, 4L)))))
                .containsExactly(8L, 3L, 4L);
    }

    @Test
    void aManyToManyWithACompositeKeyOnEitherSideIsRejectedNamingTheProperty() {
        assertMappingFails(LinksToComposite.class, LinksToComposite.class.getName() + ".pairs", "@ManyToMany",
                TwoIds.class.getName(), "composite key");
        assertMappingFails(CompositeWithLinks.class, CompositeWithLinks.class.getName() + ".others", "@ManyToMany",
                "(a, b)");
    }

    @Test
    void aKeyColumnSharedWithAForeignKeyIsOneColumnReadByBoth() {
        DefaultEntityModel<SharedKeyColumn> model = models.entity(SharedKeyColumn.class);

        assertThat(columnNames(model)).containsExactly("first", "second", "pair_id");
        assertThat(model.relation("owner").joinColumn()).isSameAs(model.column("first"));
        SharedKeyColumn row = model.assemble(new Object[]{1L, 2L, 3L});
        assertThat(row.owner().id()).isEqualTo(1L);
        assertThat(model.extract(new SharedKeyColumn(4L, 5L, io.rowflow.Ref.to(9L), null)))
                .as("the key property is the column's source").containsExactly(4L, 5L, null);
    }

    @Test
    void aSharedColumnDeclaredAfterItsRelationshipOrOfAnotherTypeIsRejected() {
        assertMappingFails(SharedAfterRelation.class, "maps column 'first' twice", "declared before");
        assertMappingFails(SharedOfAnotherType.class, SharedOfAnotherType.class.getName() + ".owner",
                "shares column 'code'", "java.lang.Long");
    }

    @Test
    void aVersionInsideAnIdRecordIsRejected() {
        assertMappingFails(VersionInKey.class, VersionInKey.class.getName() + ".key is an @Id value object",
                VersionedKey.class.getName() + ".version");
    }

    @Test
    void fieldOfUnsupportedTypeWithoutConverterIsRejected() {
        assertMappingFails(WithPoint.class, WithPoint.class.getName() + ".location", Point.class.getName());
        assertMappingFails(WithObject.class, WithObject.class.getName() + ".payload", "java.lang.Object");
        assertMappingFails(WithList.class, WithList.class.getName() + ".tags", "java.util.List");
    }

    @Test
    void valueObjectWithoutEmbeddedIsRejectedAsUnsupportedType() {
        assertMappingFails(WithBareAddress.class, WithBareAddress.class.getName() + ".address", "@Embedded");
    }

    @Test
    void brokenEmbeddedValueObjectIsRejectedNamingTheEmbeddingField() {
        assertMappingFails(WithBrokenEmbedded.class, WithBrokenEmbedded.class.getName() + ".labels",
                Labels.class.getName() + ".values", "java.util.List");
        assertMappingFails(WithEmbeddedText.class, WithEmbeddedText.class.getName() + ".note", "java.lang.String", "single value");
        assertMappingFails(IdInsideEmbedded.class, IdInsideEmbedded.class.getName() + ".key",
                EmbeddedKey.class.getName() + ".value", "@Id");
    }

    @Test
    void recordWithTransientComponentIsRejected() {
        assertMappingFails(RecordWithTransient.class, RecordWithTransient.class.getName() + ".cache", "@Transient");
    }

    @Test
    void immutableClassWithoutUsableConstructorIsRejected() {
        assertMappingFails(NoUsableConstructor.class, NoUsableConstructor.class.getName(), "String name, long hits",
                "no usable constructor");
    }

    @Test
    void entityConstructorWhoseParametersDoNotMatchTheFieldsIsRejected() {
        assertMappingFails(ConstructorOfWrongTypes.class, ConstructorOfWrongTypes.class.getName(), "long hits", "constructor");
        assertMappingFails(ConstructorInWrongOrder.class, ConstructorInWrongOrder.class.getName(), "'last'", "'first'");
    }

    @Test
    void twoFieldsMappedToTheSameColumnAreRejected() {
        assertMappingFails(DuplicateColumn.class, DuplicateColumn.class.getName(), "'title'", "name", "title");
    }

    @Test
    void embeddedPrefixCollidingWithAColumnIsRejected() {
        assertMappingFails(PrefixCollision.class, PrefixCollision.class.getName(), "'home_city'", "homeCity", "home.city");
    }

    @Test
    void finalFieldWithoutSetterInMutableClassIsRejected() {
        assertMappingFails(FinalFieldInMutableClass.class, FinalFieldInMutableClass.class.getName() + ".code", "final");
    }

    @Test
    void versionOfNonNumericTypeIsRejected() {
        assertMappingFails(TextVersion.class, TextVersion.class.getName() + ".version", "@Version", "java.lang.String");
    }

    @Test
    void generatedStringIdIsRejected() {
        assertMappingFails(GeneratedTextId.class, GeneratedTextId.class.getName() + ".id", "@GeneratedValue", "java.lang.String");
    }

    @Test
    void invalidColumnNameIsRejected() {
        assertMappingFails(QuoteInColumnName.class, QuoteInColumnName.class.getName() + ".title", "bad\"name");
    }

    @Test
    void classWithoutTableFailsAtTheInsertCall() {
        Database db = Database.builder(TestDatabases.h2()).dialect(new H2Dialect()).build();

        assertThatThrownBy(() -> db.insert(new NotAnEntity("x")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(NotAnEntity.class.getName())
                .hasMessageContaining("@Table");
    }

    // ---- names and structure ----

    @Test
    void tableAndColumnNamesAreSnakeCaseByDefault() {
        EntityModel<BookReview> model = models.entity(BookReview.class);

        assertThat(model.tableName()).isEqualTo("book_review");
        assertThat(model.schemaName()).isNull();
        assertThat(columnNames(model)).containsExactly("id", "isbn_code", "reviewer_name", "stars2_given");
        assertThat(models.entity(AcronymFirst.class).column("ISBNCode").columnName()).isEqualTo("isbn_code");
    }

    @Test
    void snakeCaseKeepsAcronymsTogether() {
        assertThat(NamingStrategy.toSnakeCase("BookReview")).isEqualTo("book_review");
        assertThat(NamingStrategy.toSnakeCase("isbnCode")).isEqualTo("isbn_code");
        assertThat(NamingStrategy.toSnakeCase("ISBNCode")).isEqualTo("isbn_code");
        assertThat(NamingStrategy.toSnakeCase("HTTPServer2Config")).isEqualTo("http_server2_config");
        assertThat(NamingStrategy.toSnakeCase("id")).isEqualTo("id");
    }

    @Test
    void explicitNamesWinOverTheNamingStrategy() {
        EntityModel<Book> book = models.entity(Book.class);
        EntityModel<Renamed> renamed = models.entity(Renamed.class);

        assertThat(book.tableName()).isEqualTo("book");
        assertThat(book.column("authorId").columnName()).isEqualTo("author_id");
        assertThat(book.column("note")).as("transient field").isNull();
        assertThat(renamed.tableName()).isEqualTo("renamed_things");
        assertThat(renamed.schemaName()).isEqualTo("archive");
        assertThat(renamed.column("label").columnName()).isEqualTo("TheLabel");
    }

    @Test
    void customNamingStrategyIsUsedByTheDatabase() {
        NamingStrategy prefixed = new NamingStrategy() {
            @Override
            public String tableName(Class<?> entityType) {
                return "t_" + entityType.getSimpleName().toLowerCase(Locale.ROOT);
            }

            @Override
            public String columnName(String propertyName) {
                return "c_" + propertyName.toLowerCase(Locale.ROOT);
            }
        };
        Database db = Database.builder(TestDatabases.h2()).dialect(new H2Dialect()).namingStrategy(prefixed).build();

        EntityModel<Author> author = db.model(Author.class);
        EntityModel<Customer> customer = db.model(Customer.class);

        assertThat(author.tableName()).isEqualTo("t_author");
        assertThat(columnNames(author)).containsExactly("c_id", "c_name", "c_born");
        assertThat(customer.column("home.street").columnName()).as("default prefix from the strategy too")
                .isEqualTo("c_home_c_street");
        assertThat(customer.column("office.street").columnName()).isEqualTo("work_c_street");
    }

    @Test
    void embeddedColumnsArePrefixedAndFlattenedInDeclarationOrder() {
        EntityModel<Customer> customer = models.entity(Customer.class);

        assertThat(columnNames(customer)).containsExactly("id", "email", "home_street", "home_city", "home_zip",
                "work_street", "work_city", "work_zip");
        assertThat(customer.columns()).extracting(ColumnModel::propertyPath).containsExactly("id", "email",
                "home.street", "home.city", "home.zip", "office.street", "office.city", "office.zip");
        assertThat(customer.idColumn().columnName()).isEqualTo("id");
        assertThat(customer.versionColumn()).isNull();
    }

    @Test
    void columnIsFoundByDottedPropertyPath() {
        EntityModel<Shipment> shipment = models.entity(Shipment.class);

        ColumnModel city = shipment.column("address.city");
        ColumnModel nested = shipment.column("route.to.zip");

        assertThat(city.columnName()).isEqualTo("address_city");
        assertThat(city.javaType()).isEqualTo(String.class);
        assertThat(city.nullable()).isTrue();
        assertThat(nested.columnName()).isEqualTo("route_to_zip");
        assertThat(shipment.column("plain.street").columnName()).as("empty prefix").isEqualTo("street");
        assertThat(shipment.column("address")).as("the embedded object itself is not a column").isNull();
        assertThat(shipment.column("nothing.here")).isNull();
    }

    @Test
    void columnDetailsComeFromTheAnnotations() {
        EntityModel<Book> book = models.entity(Book.class);

        ColumnModel id = book.idColumn();
        ColumnModel title = book.column("title");
        ColumnModel price = book.column("price");
        ColumnModel pages = book.column("pages");

        assertThat(id.isId()).isTrue();
        assertThat(id.isGenerated()).isTrue();
        assertThat(id.nullable()).isFalse();
        assertThat(title.nullable()).isFalse();
        assertThat(title.length()).isEqualTo(200);
        assertThat(price.precision()).isEqualTo(10);
        assertThat(price.scale()).isEqualTo(2);
        assertThat(pages.nullable()).as("primitive").isFalse();
        assertThat(pages.storedType()).isEqualTo(Integer.class);
        assertThat(book.versionColumn().columnName()).isEqualTo("version");
        assertThat(book.column("authorId").references()).isEqualTo(Author.class);
    }

    @Test
    void modelsAreBuiltOncePerClass() {
        assertThat(models.entity(Book.class)).isSameAs(models.entity(Book.class));
    }

    private void assertMappingFails(Class<?> type, String... fragments) {
        assertThatThrownBy(() -> models.entity(type))
                .isInstanceOf(MappingException.class)
                .satisfies(error -> assertThat(error.getMessage()).contains(fragments));
    }

    private static List<String> columnNames(EntityModel<?> model) {
        return model.columns().stream().map(ColumnModel::columnName).toList();
    }

    // ---- fixtures: broken entities ----

    @Table
    static class NoId {
        String name;
    }

    @Table
    record TwoIds(@Id Long first, @Id Long second) {
    }

    record PairKey(int storeId, int filmId) {
    }

    @Table
    record OneJoinColumnForTwo(@Id Long id, @io.rowflow.annotation.ManyToOne
            @io.rowflow.annotation.JoinColumn(name = "pair") io.rowflow.Ref<TwoIds> pair) {
    }

    @Table
    record LinksToComposite(@Id Long id, @io.rowflow.annotation.ManyToMany @io.rowflow.annotation.JoinTable(name = "l",
            joinColumn = @io.rowflow.annotation.JoinColumn(name = "x"),
            inverseJoinColumn = @io.rowflow.annotation.JoinColumn(name = "y")) List<TwoIds> pairs) {
    }

    @Table
    record CompositeWithLinks(@Id Long a, @Id Long b, @io.rowflow.annotation.ManyToMany
            @io.rowflow.annotation.JoinTable(name = "l", joinColumn = @io.rowflow.annotation.JoinColumn(name = "x"),
                    inverseJoinColumn = @io.rowflow.annotation.JoinColumn(name = "y")) List<TwoJoinColumns> others) {
    }

    @Table
    record SharedKeyColumn(@Id Long first, @Id Long second,
                           @io.rowflow.annotation.ManyToOne @io.rowflow.annotation.JoinColumn(name = "first")
                           io.rowflow.Ref<io.rowflow.fixtures.Author> owner,
                           @io.rowflow.annotation.ManyToOne @io.rowflow.annotation.JoinColumn(name = "pair_id")
                           io.rowflow.Ref<io.rowflow.fixtures.Author> other) {
    }

    @Table
    record SharedAfterRelation(@io.rowflow.annotation.ManyToOne @io.rowflow.annotation.JoinColumn(name = "first")
                               io.rowflow.Ref<io.rowflow.fixtures.Author> owner, @Id Long first, @Id Long second) {
    }

    @Table
    record SharedOfAnotherType(@Id String code, @io.rowflow.annotation.ManyToOne
            @io.rowflow.annotation.JoinColumn(name = "code") io.rowflow.Ref<io.rowflow.fixtures.Author> owner) {
    }

    @Table
    record TwoJoinColumns(@Id Long id, @io.rowflow.annotation.ManyToOne io.rowflow.Ref<TwoIds> pair) {
    }

    @Table
    record RecordKeyed(@Id PairKey key, int copies) {
    }

    @Table
    record KeyRecordAndId(@Id PairKey key, @Id long extra) {
    }

    @Table
    record GeneratedInComposite(@Id @io.rowflow.annotation.GeneratedValue Long first, @Id Long second) {
    }

    record Single(int value) {
    }

    @Table
    record OneComponentKey(@Id Single key, String name) {
    }

    record VersionedKey(int a, @io.rowflow.annotation.Version int version) {
    }

    @Table
    record VersionInKey(@Id VersionedKey key, String name) {
    }

    @Table
    record WithPoint(@Id Long id, Point location) {
    }

    @Table
    record WithObject(@Id Long id, Object payload) {
    }

    @Table
    record WithList(@Id Long id, List<String> tags) {
    }

    @Table
    record WithBareAddress(@Id Long id, Address address) {
    }

    @Table
    record RecordWithTransient(@Id Long id, @Transient String cache) {
    }

    @Table
    static final class NoUsableConstructor {
        @Id
        private final String name;
        private final long hits;

        NoUsableConstructor(String name) {
            this(name, 0);
        }

        NoUsableConstructor(String name, long hits) {
            this.name = name;
            this.hits = hits;
        }
    }

    @Table
    static final class ConstructorOfWrongTypes {
        @Id
        private final String name;
        private final long hits;

        @EntityConstructor
        ConstructorOfWrongTypes(String name, int hits) {
            this.name = name;
            this.hits = hits;
        }
    }

    @Table
    static final class ConstructorInWrongOrder {
        @Id
        private final String first;
        private final String last;

        @EntityConstructor
        ConstructorInWrongOrder(String last, String first) {
            this.first = first;
            this.last = last;
        }
    }

    @Table
    record DuplicateColumn(@Id Long id, String title, @Column(name = "title") String name) {
    }

    @Table
    record PrefixCollision(@Id Long id, String homeCity, @Embedded Address home) {
    }

    @Table
    static class FinalFieldInMutableClass {
        @Id
        private Long id;
        private final String code = "fixed";
    }

    @Table
    record TextVersion(@Id Long id, @Version String version) {
    }

    @Table
    record GeneratedTextId(@Id @GeneratedValue String id) {
    }

    @Table
    record QuoteInColumnName(@Id Long id, @Column(name = "bad\"name") String title) {
    }

    record NotAnEntity(String name) {
    }

    record Labels(List<String> values) {
    }

    @Table
    record WithBrokenEmbedded(@Id Long id, @Embedded Labels labels) {
    }

    @Table
    record WithEmbeddedText(@Id Long id, @Embedded String note) {
    }

    record EmbeddedKey(@Id Long value) {
    }

    @Table
    record IdInsideEmbedded(@Id Long id, @Embedded EmbeddedKey key) {
    }

    // ---- fixtures: valid entities ----

    @Table
    record BookReview(@Id Long id, String isbnCode, String reviewerName, int stars2Given) {
    }

    @Table
    static class AcronymFirst {
        @Id
        Long id;
        String ISBNCode;
    }

    @Table(name = "renamed_things", schema = "archive")
    record Renamed(@Id Long id, @Column(name = "TheLabel") String label) {
    }

    @Table
    record Shipment(@Id Long id, @Embedded Address address, @Embedded(prefix = "") Address plain,
                    @Embedded Leg route) {
    }

    record Leg(@Embedded Address to) {
    }

    /** A key field that is {@code transient}: Java serialization's marker, which mapping honours too. */
    @io.rowflow.annotation.Table(name = "ledger")
    static class TransientKey {
        @io.rowflow.annotation.Id
        private transient Long id;
        private String name;
    }

    @Test
    void aTransientFieldIsNotMappedAndATransientKeyIsNamedAsTheReason() {
        assertThatThrownBy(() -> models.entity(TransientKey.class))
                .isInstanceOf(io.rowflow.MappingException.class)
                .hasMessageContaining(TransientKey.class.getName())
                .hasMessageContaining("@Id");
    }
}
