package io.rowflow.sql;

import io.rowflow.internal.model.FetchPlanModel;
import java.util.Arrays;
import java.util.List;

/**
 * A relationship to load with the entities of a query, and what to load with the related
 * entities in turn: {@code FetchPlan.of("books").then(FetchPlan.of("reviews"))}. Each relationship
 * is loaded with one follow-up query per batch of parents, never one per parent. Immutable; its
 * representation is internal.
 *
 * <p>A to-many relationship can be loaded with criteria: only the related entities matching a
 * condition ({@link #where}), in an order ({@link #orderBy}), at most so many per parent
 * ({@link #limit}). They are part of the same follow-up statement (a per-parent limit ranks rows
 * with a window function partitioned by the parent's key, or joins the keys {@code LATERAL} where
 * the dialect offers it), so the statement count does not change. Conditions and order refer to
 * the related entity under any one alias; every value is a bind parameter.
 *
 * @since 0.1
 */
public interface FetchPlan extends Fetchable {

    /** A plan loading one relationship by its property name. */
    static FetchPlan of(String relation) {
        return FetchPlanModel.of(relation);
    }

    /** The plans of several fetchables. */
    static List<FetchPlan> all(Fetchable... fetchables) {
        return Arrays.stream(fetchables).map(Fetchable::toFetchPlan).toList();
    }

    /** The relationship property of the parent entity. */
    String relation();

    /** The plans for the related entities. */
    List<FetchPlan> nested();

    /** This plan, also loading the given relationships of the related entities. */
    FetchPlan then(Fetchable... more);

    /**
     * This plan loading only the related entities matching the condition (added with {@code AND}
     * to an earlier one). To-many relationships only.
     *
     * @since 0.3
     */
    FetchPlan where(Predicate condition);

    /**
     * This plan loading the related entities in this order (replacing an earlier one), the related
     * entity's key breaking ties; without it they come in key order. To-many relationships only.
     *
     * @since 0.3
     */
    FetchPlan orderBy(List<OrderItem> keys);

    /**
     * This plan loading at most {@code perParent} related entities for each parent, the first ones
     * in the plan's order. To-many relationships only.
     *
     * @throws IllegalArgumentException when {@code perParent} is negative
     * @since 0.3
     */
    FetchPlan limit(long perParent);

    @Override
    default FetchPlan toFetchPlan() {
        return this;
    }
}
