package io.rowflow.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a select is executed, kept beside the statement rather than in it: rows per round trip when
 * streaming, relationships to load with the entities, and parents per follow-up query. Immutable;
 * each {@code withX} returns a changed copy. The query DSL sets these through
 * {@code fetchSize(...)}, {@code with(...)} and {@code batchSize(...)}; a bare statement runs with
 * them through {@link SelectStatement#withOptions(QueryOptions)}.
 *
 * @since 0.3
 */
public final class QueryOptions {

    /** The batch size used when neither the query nor the database sets one. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private static final QueryOptions DEFAULTS = new QueryOptions(0, List.of(), 0);

    private final int fetchSize;
    private final List<FetchPlan> fetchPlans;
    private final int batchSize;

    private QueryOptions(int fetchSize, List<FetchPlan> fetchPlans, int batchSize) {
        this.fetchSize = fetchSize;
        this.fetchPlans = fetchPlans;
        this.batchSize = batchSize;
    }

    /** The database's defaults: its fetch size, no relationships, its batch size. */
    public static QueryOptions defaults() {
        return DEFAULTS;
    }

    /** Rows per round trip when streaming; 0 for the database's default. */
    public int fetchSize() {
        return fetchSize;
    }

    /** The relationships loaded with the entities. */
    public List<FetchPlan> fetchPlans() {
        return fetchPlans;
    }

    /**
     * Parents per follow-up query when loading relationships; 0 for the database's default
     * ({@code DatabaseBuilder.relationBatchSize}, {@value #DEFAULT_BATCH_SIZE} unless set).
     */
    public int batchSize() {
        return batchSize;
    }

    /** A copy with another fetch size; throws {@link IllegalArgumentException} when negative. */
    public QueryOptions withFetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetchSize must not be negative: " + rows);
        }
        return new QueryOptions(rows, fetchPlans, batchSize);
    }

    /** A copy also loading these relationships. */
    public QueryOptions with(Fetchable... relationships) {
        List<FetchPlan> plans = new ArrayList<>(fetchPlans);
        plans.addAll(FetchPlan.all(relationships));
        return new QueryOptions(fetchSize, List.copyOf(plans), batchSize);
    }

    /** A copy loading exactly these relationships. */
    public QueryOptions withFetchPlans(List<FetchPlan> plans) {
        return new QueryOptions(fetchSize, List.copyOf(plans), batchSize);
    }

    /** A copy with another batch size; 0 for the database's default, never negative. */
    public QueryOptions withBatchSize(int parents) {
        if (parents < 0) {
            throw new IllegalArgumentException("batchSize must not be negative: " + parents);
        }
        return new QueryOptions(fetchSize, fetchPlans, parents);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryOptions options && fetchSize == options.fetchSize
                && batchSize == options.batchSize && fetchPlans.equals(options.fetchPlans);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fetchSize, fetchPlans, batchSize);
    }

    @Override
    public String toString() {
        return "QueryOptions[fetchSize=" + fetchSize + ", fetchPlans=" + fetchPlans + ", batchSize=" + batchSize + "]";
    }
}
