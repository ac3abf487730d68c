package io.rowflow.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A relationship to load with the entities of a query, and what to load with the related
 * entities in turn: {@code FetchPlan.of("books").then(FetchPlan.of("reviews"))}. Each relationship
 * is loaded with one follow-up query per batch of parents, never one per parent.
 *
 * @param relation the relationship property of the parent entity
 * @param nested plans for the related entities
 * @since 0.1
 */
public record FetchPlan(String relation, List<FetchPlan> nested) implements Fetchable {

    /** Checks and copies. */
    public FetchPlan {
        Objects.requireNonNull(relation, "relation");
        nested = List.copyOf(nested);
    }

    /** A plan loading one relationship by its property name. */
    public static FetchPlan of(String relation) {
        return new FetchPlan(relation, List.of());
    }

    /** This plan, also loading the given relationships of the related entities. */
    public FetchPlan then(Fetchable... more) {
        List<FetchPlan> all = new ArrayList<>(nested);
        Arrays.stream(more).map(Fetchable::toFetchPlan).forEach(all::add);
        return new FetchPlan(relation, all);
    }

    @Override
    public FetchPlan toFetchPlan() {
        return this;
    }

    /** The plans of several fetchables. */
    public static List<FetchPlan> all(Fetchable... fetchables) {
        return Arrays.stream(fetchables).map(Fetchable::toFetchPlan).toList();
    }
}
