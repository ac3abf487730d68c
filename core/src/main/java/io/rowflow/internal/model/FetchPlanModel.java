package io.rowflow.internal.model;

import io.rowflow.QueryException;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Fetchable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The representation of a {@link FetchPlan}: a relationship and the plans of the related
 * entities. Equal plans load the same rows, so a plan can be part of a coalescing key.
 *
 * @param relation the relationship property of the parent entity
 * @param nested plans for the related entities
 */
public record FetchPlanModel(String relation, List<FetchPlan> nested) implements FetchPlan {

    /** Checks and copies. */
    public FetchPlanModel {
        Objects.requireNonNull(relation, "relation");
        nested = List.copyOf(nested);
    }

    /** A plan loading one relationship. */
    public static FetchPlanModel of(String relation) {
        return new FetchPlanModel(relation, List.of());
    }

    /** The representation of a plan, or a {@link QueryException} for one not built by Rowflow. */
    public static FetchPlanModel of(FetchPlan plan) {
        if (plan instanceof FetchPlanModel model) {
            return model;
        }
        throw new QueryException("A FetchPlan must come from FetchPlan.of(...) or a relationship path, not "
                + plan.getClass().getName());
    }

    @Override
    public FetchPlan then(Fetchable... more) {
        List<FetchPlan> all = new ArrayList<>(nested);
        all.addAll(FetchPlan.all(more));
        return new FetchPlanModel(relation, all);
    }
}
