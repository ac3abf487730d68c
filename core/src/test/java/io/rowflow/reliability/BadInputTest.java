package io.rowflow.reliability;

import static io.rowflow.Database.builder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.IntegrityViolationException;
import io.rowflow.MappingException;
import io.rowflow.NonUniqueResultException;
import io.rowflow.QueryException;
import io.rowflow.convert.Converter;
import io.rowflow.fixtures.Author;
import io.rowflow.test.TestDatabases;
import java.awt.Point;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The bad-input catalogue: each mistake gets a clear Rowflow exception naming the problem, and
 * the data is unchanged afterwards.
 */
class BadInputTest extends PostgresReliabilitySupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void createData() {
        openPool(4, WAIT);
        db.schema().dropIfExists(Author.class).then(db.schema().create(Author.class)).block(WAIT);
        db.sql("drop table if exists ghost").execute().then(db.sql("create table ghost (id bigint primary key, name text)")
                .execute()).block(WAIT);
        db.insertAll(List.of(new Author(null, "Ada", 1815), new Author(null, "Grace", 1906))).then().block(WAIT);
    }

    private void assertUnchanged() {
        assertThat(db.sql("select string_agg(name || ':' || born, ',' order by id) from author").mapTo(String.class)
                .fetchOne().block(WAIT)).isEqualTo("Ada:1815,Grace:1906");
    }

    @Test
    void nullIntoANotNullColumn() {
        StepVerifier.create(db.insert(new Author(null, null, 1)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IntegrityViolationException.class)
                        .hasMessageContaining("name").hasMessageContaining("23502"))
                .verify(WAIT);
        assertUnchanged();
    }

    @Test
    void valueTooLongForTheColumn() {
        StepVerifier.create(db.insert(new Author(null, "x".repeat(101), 1)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataAccessException.class)
                        .hasMessageContaining("too long").hasMessageContaining("22001")
                        .hasMessageContaining("INSERT INTO \"author\""))
                .verify(WAIT);
        assertUnchanged();
    }

    @Test
    void unmappedClassPassedToInsertFailsAtTheCall() {
        assertThatThrownBy(() -> db.insert(new Unmapped(1L, "x")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(Unmapped.class.getName()).hasMessageContaining("@Table");
        assertUnchanged();
    }

    @Test
    void entityMappingAColumnTheTableDoesNotHave() {
        StepVerifier.create(db.insert(new Ghost(1L, "boo", "x")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DataAccessException.class)
                        .hasMessageContaining("no_such_column"))
                .verify(WAIT);
        assertThat(db.sql("select count(*) from ghost").mapTo(Long.class).fetchOne().block(WAIT)).isZero();
    }

    @Test
    void resultColumnMissingFromTheMappedEntity() {
        StepVerifier.create(db.sql("select id, name from author").mapTo(Author.class).fetch())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MappingException.class)
                        .hasMessageContaining("born").hasMessageContaining(Author.class.getName()))
                .verify(WAIT);
    }

    @Test
    void updateWithoutIdFailsAtTheCall() {
        assertThatThrownBy(() -> db.update(new Author(null, "Nobody", 1)))
                .isInstanceOf(QueryException.class).hasMessageContaining("id");
        assertUnchanged();
    }

    @Test
    void fetchOneOfTwoRows() {
        StepVerifier.create(db.sql("select * from author").mapTo(Author.class).fetchOne())
                .expectError(NonUniqueResultException.class).verify(WAIT);
    }

    @Test
    void unsupportedTypeWithoutConverter() {
        assertThatThrownBy(() -> db.sql("select :p").bind("p", new Point(1, 2)))
                .isInstanceOf(QueryException.class).hasMessageContaining(Point.class.getName());
    }

    @Test
    void converterThatThrowsArrivesAsMappingException() {
        Converter<StringBuilder, String> broken = Converter.of(StringBuilder.class, String.class,
                value -> { throw new IllegalStateException("converter exploded"); }, StringBuilder::new);
        Database withBroken = builder(TestDatabases.postgres(getClass())).converter(broken).build();

        StepVerifier.create(withBroken.sql("update author set name = :name").bind("name", new StringBuilder("x")).execute())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MappingException.class)
                        .hasMessageContaining("converter exploded"))
                .verify(WAIT);
        assertUnchanged();
    }

    @Test
    void userSuppliedSortKeyThatIsNotAPropertyIsRejectedNotConcatenated() {
        io.rowflow.sql.TableRef table = new io.rowflow.sql.TableRef(Author.class, "a");
        String hostile = "name; drop table author; --";
        io.rowflow.sql.SelectStatement<Author> sorted = io.rowflow.sql.SelectStatement.of(table, Author.class)
                .withOrderBy(List.of(new io.rowflow.sql.OrderItem(new io.rowflow.sql.Expression.Column(table, hostile), false,
                        io.rowflow.sql.OrderItem.Nulls.DEFAULT)));

        StepVerifier.create(db.fetch(sorted))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryException.class)
                        .hasMessageContaining("no mapped property").hasMessageContaining("drop table"))
                .verify(WAIT);
        assertUnchanged();
    }

    @Test
    void hostileStringsAreStoredLiterally() {
        String hostile = "Robert'); DROP TABLE author; --";
        Author stored = db.insert(new Author(null, hostile, 1)).block(WAIT);
        assertThat(db.findById(Author.class, stored.id()).block(WAIT).name()).isEqualTo(hostile);
        assertThat(db.count(Author.class).block(WAIT)).isEqualTo(3L);
    }
}
