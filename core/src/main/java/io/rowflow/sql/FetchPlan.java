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

    @Override
    default FetchPlan toFetchPlan() {
        return this;
    }
}
