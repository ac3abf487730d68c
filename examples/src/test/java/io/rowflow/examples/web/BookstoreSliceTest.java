package io.rowflow.examples.web;

import static io.rowflow.test.RowflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.sql.FetchPlan;
import io.rowflow.test.RecordedStatements;
import io.rowflow.test.StatementRecorder;
import io.rowflow.test.TestTransactions;
import io.rowflow.test.spring.RowflowTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The {@code @RowflowTest} slice of docs/testing.md: Rowflow and R2DBC only, each test rolled back. */
@RowflowTest(properties = {"spring.r2dbc.url=r2dbc:h2:mem:///bookstore_slice?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
        "rowflow.schema.validate=false"})
class BookstoreSliceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The slice runs no migrations (and so validates no schema at start): the test creates the tables itself. */
    private static final Class<?>[] TABLES = {ShopAuthor.class, ShopBook.class, ShopOrder.class, ShopOrderLine.class};

    @Autowired
    private Database db;
    @Autowired
    private StatementRecorder recorder;
    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void tables() {
        db.schema().createIfNotExists(TABLES).contextWrite(TestTransactions.outside()).block(TIMEOUT);
    }

    private void storeAuthor(String name) {
        db.insert(new ShopAuthor(null, name, 1950, List.of(new ShopBook(null, name + "'s first", 2000, BigDecimal.ONE, 1, null))))
                .block(TIMEOUT);
    }

    @Test
    void anAuthorStoredInATestIsTheOnlyOne() {
        storeAuthor("Le Guin");

        RecordedStatements loaded = recorder.record(db.findAll(ShopAuthor.class, FetchPlan.of("books"))).block(TIMEOUT);

        assertThat(loaded).hasStatementCount(2).allInTransaction();
        assertThat(db.count(ShopAuthor.class).block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void anotherTestStartsFromEmptyTablesAgain() {
        storeAuthor("Butler");

        assertThat(db.count(ShopAuthor.class).block(TIMEOUT)).isEqualTo(1L);
    }

    @Test
    void theSliceStartsNoneOfTheApplicationsComponents() {
        assertThat(context.getBeanNamesForType(BooksController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(BookstoreData.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Database.class)).hasSize(1);
    }
}
