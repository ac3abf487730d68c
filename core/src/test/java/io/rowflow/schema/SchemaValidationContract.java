package io.rowflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.MappingException;
import io.rowflow.SchemaValidationException;
import io.rowflow.fixtures.Author;
import io.rowflow.fixtures.Book;
import io.rowflow.fixtures.ConversionSample;
import io.rowflow.fixtures.Counter;
import io.rowflow.fixtures.DocumentSample;
import io.rowflow.fixtures.Film;
import io.rowflow.fixtures.FilmLabel;
import io.rowflow.fixtures.Money;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Schema validation on each database against a hand-written schema: the matching mappings pass,
 * each of ten broken mappings is found with a message naming class, table and column, and all ten
 * are reported at once in one {@link SchemaValidationException}.
 */
public abstract class SchemaValidationContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What each broken mapping's one problem says. */
    private static final Map<Class<?>, String> EXPECTED = Map.of(
            Shop.WrongType.class, "Shop$WrongType.name (table 'shop_customer', column 'name'): its Java type Integer cannot be stored",
            Shop.MissingColumn.class, "Shop$MissingColumn.nickname (table 'shop_customer', column 'nickname'): the column does not exist",
            Shop.PrimitiveOnNullable.class, "Shop$PrimitiveOnNullable.age (table 'shop_customer', column 'age'): the column accepts NULL, but the property is a primitive int",
            Shop.NotNullOnNullable.class, "Shop$NotNullOnNullable.email (table 'shop_customer', column 'email'): the column accepts NULL, but the mapping declares it @Column(nullable = false)",
            Shop.WrongKey.class, "Shop$WrongKey (table 'shop_customer'): the primary key is (id), but the mapping's key is (name)",
            Shop.MissingTable.class, "Shop$MissingTable: table 'shop_missing' does not exist",
            Shop.NoPrimaryKey.class, "Shop$NoPrimaryKey (table 'shop_note'): the table has no primary key, but the mapping's key is (id)",
            Shop.MissingLinkTable.class, "Shop$MissingLinkTable.tags: link table 'shop_order_label' does not exist",
            Shop.NarrowKey.class, "Shop$NarrowKey.id (table 'shop_tag', column 'id'): its Java type Integer cannot be stored in a column of type bigint",
            Shop.OrdinalOnText.class, "Shop$OrdinalOnText.label (table 'shop_tag', column 'label'): its Java type Status cannot be stored");

    protected Database db;

    /** The database under test, in a schema of the suite's own. */
    protected abstract ConnectionFactory connectionFactory();

    /**
     * Extra statements, after the shared schema: at least a {@code film} table whose {@code rating}
     * column has the database's native enum type, plus whatever the database's own checks need.
     */
    protected abstract List<String> extraDdl();

    @Test
    void enumColumnsPassForEnumsAndStringsWithADeclaredType() {
        db.schema().validate(Film.class, FilmLabel.class)
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @BeforeEach
    void createShopSchema() {
        db = Database.create(connectionFactory());
        for (String statement : List.of(
                "drop table if exists shop_order_tag", "drop table if exists shop_order", "drop table if exists shop_tag",
                "drop table if exists shop_customer", "drop table if exists shop_note",
                "create table shop_customer (id bigint primary key, name varchar(100) not null, email varchar(200), "
                        + "age int, score int not null)",
                "create table shop_tag (id bigint primary key, label varchar(50))",
                "create table shop_order (id bigint primary key, customer_id bigint not null, total decimal(12, 2), "
                        + "placed date)",
                "create table shop_order_tag (order_id bigint not null, tag_id bigint not null, primary key (order_id, tag_id))",
                "create table shop_note (id bigint not null, body varchar(100))")) {
            db.sql(statement).execute().block(TIMEOUT);
        }
        extraDdl().forEach(statement -> db.sql(statement).execute().block(TIMEOUT));
    }

    @Test
    void matchingMappingsPass() {
        db.schema().validate(Shop.Customer.class, Shop.Order.class, Shop.Tag.class)
                .as(StepVerifier::create)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void eachBrokenMappingIsFoundAlone() {
        for (Class<?> broken : Shop.BROKEN) {
            assertThat(problems(broken)).as(broken.getSimpleName())
                    .singleElement().asString().contains(EXPECTED.get(broken));
        }
    }

    @Test
    void everyProblemIsReportedAtOnceInOneError() {
        List<String> problems = problems(Shop.BROKEN.toArray(Class<?>[]::new));

        assertThat(problems).hasSize(10);
        for (Class<?> broken : Shop.BROKEN) {
            assertThat(problems).anySatisfy(problem -> assertThat(problem).contains(EXPECTED.get(broken)));
        }
    }

    @Test
    void tablesCreatedFromTheMappingsPass() {
        Database typed = Database.builder(connectionFactory()).converter(Money.AS_TEXT)
                .converter(DocumentSample.ADDRESS_AS_JSON).converter(ConversionSample.URI_AS_TEXT)
                .converter(ConversionSample.DATE_AS_INSTANT).build();
        Class<?>[] types = {Author.class, Book.class, ConversionSample.class, Counter.class};
        typed.schema().dropIfExists(types).then(typed.schema().create(types)).block(TIMEOUT);

        typed.schema().validate(types)
                .as(StepVerifier::create)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anUnmappableClassFailsAtTheCall() {
        assertThatThrownBy(() -> db.schema().validate(String.class)).isInstanceOf(MappingException.class);
    }

    /** The problems validation reports for these mappings. */
    protected List<String> problems(Class<?>... types) {
        SchemaValidationException error = db.schema().validate(types)
                .then(reactor.core.publisher.Mono.<SchemaValidationException>empty())
                .onErrorResume(SchemaValidationException.class, reactor.core.publisher.Mono::just)
                .block(TIMEOUT);
        assertThat(error).as("validation of %s fails", List.of(types)).isNotNull();
        assertThat(error.getMessage()).contains(error.problems().get(0));
        return error.problems();
    }
}
