package io.rowflow.query;

import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Fetchable;
import java.util.Arrays;

/**
 * A to-many relationship to load with criteria, built from its path:
 * {@code AUTHOR.books.where(BOOK.year.gt(2000)).orderBy(BOOK.year.desc()).limit(3)} loads, for each
 * author, at most three of their books after 2000, latest first. Criteria cost no extra statement:
 * they are part of the one follow-up query per batch of parents. Immutable; each call returns a
 * new plan.
 *
 * @param <T> the related entity type
 * @since 0.3
 */
public final class RelationPlan<T> implements Fetchable {

    private final FetchPlan plan;

    RelationPlan(FetchPlan plan) {
        this.plan = plan;
    }

    /** Loads only the related entities matching the condition; a second call adds it with {@code AND}. */
    public RelationPlan<T> where(Condition condition) {
        return new RelationPlan<>(plan.where(condition.toPredicate()));
    }

    /** Loads the related entities in this order, replacing an earlier one; their key breaks ties. */
    public RelationPlan<T> orderBy(Order... keys) {
        return new RelationPlan<>(plan.orderBy(Arrays.stream(keys).map(Order::toOrderItem).toList()));
    }

    /**
     * Loads at most this many related entities per parent, the first in the plan's order.
     *
     * @throws IllegalArgumentException when {@code perParent} is negative
     */
    public RelationPlan<T> limit(long perParent) {
        return new RelationPlan<>(plan.limit(perParent));
    }

    /** Also loads the given relationships of the related entities. */
    public FetchPlan then(Fetchable... nested) {
        return plan.then(nested);
    }

    @Override
    public FetchPlan toFetchPlan() {
        return plan;
    }

    @Override
    public String toString() {
        return plan.toString();
    }
}
