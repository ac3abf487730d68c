package io.rowflow.internal.model;

import io.rowflow.QueryException;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Fetchable;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The representation of a {@link FetchPlan}: a relationship, the criteria its related entities
 * are loaded with, and the plans of the related entities. Equal plans load the same rows, so the
 * criteria can be part of a coalescing key.
 *
 * @param relation the relationship property of the parent entity
 * @param nested plans for the related entities
 * @param criteria the filter, order and per-parent limit of the related entities
 */
public record FetchPlanModel(String relation, List<FetchPlan> nested, Criteria criteria) implements FetchPlan {

    /** Checks and copies. */
    public FetchPlanModel {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(criteria, "criteria");
        nested = List.copyOf(nested);
    }

    /** A plan loading one relationship. */
    public static FetchPlanModel of(String relation) {
        return new FetchPlanModel(relation, List.of(), Criteria.NONE);
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
        return new FetchPlanModel(relation, all, criteria);
    }

    @Override
    public FetchPlan where(Predicate condition) {
        Objects.requireNonNull(condition, "condition");
        Predicate where = criteria.where == null ? condition : new Predicate.And(List.of(criteria.where, condition));
        return new FetchPlanModel(relation, nested, new Criteria(where, criteria.orderBy, criteria.limit));
    }

    @Override
    public FetchPlan orderBy(List<OrderItem> keys) {
        return new FetchPlanModel(relation, nested, new Criteria(criteria.where, keys, criteria.limit));
    }

    @Override
    public FetchPlan limit(long perParent) {
        if (perParent < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + perParent);
        }
        return new FetchPlanModel(relation, nested, new Criteria(criteria.where, criteria.orderBy, perParent));
    }

    /**
     * What related entities a plan loads, beyond their relationship: a filter, an order and a
     * per-parent limit. {@link #NONE} loads all of them in key order.
     *
     * @param where the filter, or {@code null}
     * @param orderBy the order (the related entity's key is appended when rendered)
     * @param limit the most related entities per parent, or {@code null}
     */
    public record Criteria(@Nullable Predicate where, List<OrderItem> orderBy, @Nullable Long limit) {

        /** No criteria. */
        public static final Criteria NONE = new Criteria(null, List.of(), null);

        /** Copies the order. */
        public Criteria {
            orderBy = List.copyOf(orderBy);
        }

        /** Whether there is any criterion. */
        public boolean any() {
            return where != null || !orderBy.isEmpty() || limit != null;
        }
    }
}
