package io.rowflow.examples.testing;

import static io.rowflow.test.RowflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.examples.web.ShopAuthor;
import io.rowflow.examples.web.ShopBook;
import io.rowflow.sql.FetchPlan;
import io.rowflow.test.RecordedStatements;
import io.rowflow.test.RollbackOnly;
import io.rowflow.test.StatementRecorder;
import io.rowflow.test.TestDatabases;
import io.rowflow.test.TestTransactions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/** The samples of docs/testing.md: rollback-only tests and statement assertions without Spring, on H2. */
@RollbackOnly
class RollbackOnlyTestingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ConnectionFactory DATABASE = TestDatabases.h2();

    @RegisterExtension
    static final StatementRecorder recorder = StatementRecorder.create().failOnRepeatedShapes(10);

    private final Database db = Database.builder(DATABASE)
            .connectionProvider(TestTransactions.connectionProvider())
            .listener(recorder)
            .build();

    @BeforeAll
    static void createTables() {
        Database.create(DATABASE).schema().create(ShopAuthor.class, ShopBook.class).block(TIMEOUT);
    }

    private static ShopAuthor author(String name, String... titles) {
        return new ShopAuthor(null, name, 1950, List.of(titles).stream()
                .map(title -> new ShopBook(null, title, 2000, BigDecimal.TEN, 1, null)).toList());
    }

    @Test
    void storesAnAuthorAndFindsOnlyThem() {
        db.insert(author("Le Guin", "Earthsea", "The Dispossessed")).block(TIMEOUT);

        assertThat(db.count(ShopAuthor.class).block(TIMEOUT)).isEqualTo(1L);
        assertThat(db.count(ShopBook.class).block(TIMEOUT)).isEqualTo(2L);
    }

    @Test
    void storesAnotherAuthorAndStillFindsOnlyOne() {
        db.insert(author("Butler", "Kindred")).block(TIMEOUT);

        assertThat(db.count(ShopAuthor.class).block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void authorsWithTheirBooksCostTwoStatements() {
        db.insertAll(List.of(author("Le Guin", "Earthsea"), author("Butler", "Kindred"), author("Banks", "Excession")))
                .then().block(TIMEOUT);

        RecordedStatements recorded = recorder.record(db.findAll(ShopAuthor.class, FetchPlan.of("books"))).block(TIMEOUT);

        assertThat(recorded).hasStatementCount(2).hasNoShapeRepeatedMoreThan(1).hasStatementCountOnTable("shop_book", 1);
    }

    @Test
    void aQueryPerAuthorIsAnNPlusOne() {
        db.insertAll(List.of(author("Le Guin", "Earthsea"), author("Butler", "Kindred"), author("Banks", "Excession")))
                .then().block(TIMEOUT);

        Flux<String> titlesOneAuthorAtATime = db.findAll(ShopAuthor.class)
                .concatMap(author -> db.sql("select title from shop_book where author_id = :author")
                        .bind("author", author.id()).mapTo(String.class).fetch());
        RecordedStatements recorded = recorder.record(titlesOneAuthorAtATime).block(TIMEOUT);

        assertThatThrownBy(() -> assertThat(recorded).hasNoShapeRepeatedMoreThan(2))
                .hasMessageContaining("select title from shop_book where author_id = ?");
    }
}
