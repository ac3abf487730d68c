package io.rowflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.test.TestDatabases;
import org.junit.jupiter.api.Test;

/** Batch sizes of relationship loading are checked at the call, before any database work. */
class LoadOptionsTest {

    @Test
    void defaultsLeaveTheBatchSizeToTheDatabase() {
        assertThat(LoadOptions.defaults().batchSize()).isZero();
        assertThat(LoadOptions.batchesOf(1_000).batchSize()).isEqualTo(1_000);
        assertThat(LoadOptions.defaults().withBatchSize(10)).isEqualTo(new LoadOptions(10));
    }

    @Test
    void theDatabaseReportsItsRelationBatchSize() {
        assertThat(Database.create(TestDatabases.h2()).relationBatchSize()).isEqualTo(256);
        assertThat(Database.builder(TestDatabases.h2()).relationBatchSize(1_000).build().relationBatchSize())
                .isEqualTo(1_000);
    }

    @Test
    void batchSizesThatCannotWorkFailAtTheCall() {
        assertThatThrownBy(() -> LoadOptions.batchesOf(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new LoadOptions(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Database.builder(TestDatabases.h2()).relationBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relationBatchSize");
    }
}
