package io.rowflow.query.contract;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.fixtures.Novel_.NOVEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query DSL suite on the real PostgreSQL server, plus what only PostgreSQL does. */
class PostgresQueryTest extends QueryContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Test
    void inListsOfAnySizeShareOneSqlTextThroughAnArrayParameter() {
        String three = db.toSql(select(NOVEL).where(NOVEL.year.in(1, 2, 3)));
        String two = db.toSql(select(NOVEL).where(NOVEL.year.in(List.of(7, 8))));

        assertThat(three).isEqualTo(two).contains("= ANY($1)");
        assertThat(db.fetch(select(NOVEL).where(NOVEL.year.in(1937, 1965, 3000))).count().block(TIMEOUT)).isEqualTo(2L);
    }
}
