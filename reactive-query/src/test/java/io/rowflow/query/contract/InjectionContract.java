package io.rowflow.query.contract;

import static io.rowflow.query.Queries.delete;
import static io.rowflow.query.Queries.select;
import static io.rowflow.query.Queries.update;
import static io.rowflow.query.fixtures.Writer_.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.DataAccessException;
import io.rowflow.DatabaseBuilder;
import io.rowflow.contract.DatabaseTestSupport;
import io.rowflow.test.RollbackOnly;
import io.rowflow.test.TestTransactions;
import io.rowflow.dialect.Feature;
import io.rowflow.query.fixtures.Novel;
import io.rowflow.query.fixtures.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Hostile strings used as values in every kind of predicate are stored and matched literally, and
 * the tables survive: values are always bind parameters, never SQL text.
 */
@RollbackOnly
public abstract class InjectionContract extends DatabaseTestSupport {

    /** Each test runs in a rollback-only test transaction: the tables are created once and every test finds them as they were. */
    @Override
    protected boolean recreateTablesForEachTest() {
        return false;
    }

    @Override
    protected DatabaseBuilder configure(DatabaseBuilder builder) {
        return builder.connectionProvider(TestTransactions.connectionProvider());
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Writer.class, Novel.class};
    }

    static List<String> hostileStrings() {
        return List.of(
                "'; drop table writer; --",
                "' OR '1'='1",
                "Robert'); DELETE FROM writer; --",
                "\\'; select 1; --",
                "back\\slash \\\\ double",
                "\"quoted\" identifier\"",
                "50%_off ! escape",
                "$1 ? :name ::text $$dollar$$",
                "/* comment */ -- line",
                "unicode Ωmega 🚀 中文 é\u0301",
                "");
    }

    @ParameterizedTest
    @MethodSource("hostileStrings")
    void hostileValueIsStoredAndMatchedLiterallyInEveryPredicate(String hostile) {
        Writer decoy = db.insert(new Writer(null, "decoy", "decoy")).block(TIMEOUT);
        Writer stored = db.insert(new Writer(null, hostile, hostile)).block(TIMEOUT);

        assertThat(db.findById(Writer.class, stored.id()).block(TIMEOUT).name()).isEqualTo(hostile);
        assertThat(ids(select(WRITER).where(WRITER.name.eq(hostile)))).containsExactly(stored.id());
        assertThat(ids(select(WRITER).where(WRITER.name.ne(hostile)))).containsExactly(decoy.id());
        assertThat(ids(select(WRITER).where(WRITER.name.in(hostile, "nothing")))).containsExactly(stored.id());
        assertThat(ids(select(WRITER).where(WRITER.name.notIn(hostile)))).containsExactly(decoy.id());
        assertThat(ids(select(WRITER).where(WRITER.name.between(hostile, hostile)))).containsExactly(stored.id());
        assertThat(ids(select(WRITER).where(WRITER.name.startsWith(hostile).and(WRITER.country.endsWith(hostile)))))
                .contains(stored.id());
        assertThat(ids(select(WRITER).where(WRITER.name.contains(hostile)))).contains(stored.id());
        if (!hostile.isEmpty()) {
            assertThat(ids(select(WRITER).where(WRITER.name.contains(hostile)))).containsExactly(stored.id());
        }
        assertThat(db.sql("select id from writer where name = :name").bind("name", hostile).mapTo(Long.class)
                .fetch().collectList().block(TIMEOUT)).containsExactly(stored.id());

        assertThat(db.execute(update(WRITER).set(WRITER.country, hostile + hostile).where(WRITER.name.eq(hostile)))
                .block(TIMEOUT)).isEqualTo(1L);
        assertThat(db.findById(Writer.class, stored.id()).block(TIMEOUT).country()).isEqualTo(hostile + hostile);
        assertThat(db.execute(delete(WRITER).where(WRITER.country.eq(hostile + hostile))).block(TIMEOUT)).isEqualTo(1L);

        assertThat(db.count(Writer.class).block(TIMEOUT)).as("the table survived with the decoy in it").isEqualTo(1L);
        assertThat(db.count(Novel.class).block(TIMEOUT)).isZero();
    }

    @Test
    void nulCharacterIsStoredLiterallyOrRefusedClearly() {
        String withNul = "before\u0000after";
        if (db.dialect().supports(Feature.NUL_IN_TEXT)) {
            Writer stored = db.insert(new Writer(null, withNul, null)).block(TIMEOUT);
            assertThat(ids(select(WRITER).where(WRITER.name.eq(withNul)))).containsExactly(stored.id());
            assertThat(db.findById(Writer.class, stored.id()).block(TIMEOUT).name()).isEqualTo(withNul);
        } else {
            StepVerifier.create(db.insert(new Writer(null, withNul, null)))
                    .expectError(DataAccessException.class)
                    .verify(TIMEOUT);
            assertThat(db.count(Writer.class).block(TIMEOUT)).isZero();
        }
    }

    private List<Long> ids(io.rowflow.query.SelectQuery<Writer> query) {
        return new ArrayList<>(db.fetch(query).map(Writer::id).collectList().block(TIMEOUT));
    }
}
