package io.rowflow.query;

import io.rowflow.sql.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A typed wrapper of a query-model predicate, combined with {@code and}, {@code or} and {@code not}.
 *
 * @since 0.1
 */
public final class Condition {

    private final Predicate predicate;

    /** Wraps a query-model predicate. */
    public Condition(Predicate predicate) {
        this.predicate = Objects.requireNonNull(predicate, "predicate");
    }

    /** The query-model predicate. */
    public Predicate toPredicate() {
        return predicate;
    }

    /** Both conditions. */
    public Condition and(Condition other) {
        return new Condition(new Predicate.And(flatten(Predicate.And.class, other)));
    }

    /** Either condition. */
    public Condition or(Condition other) {
        return new Condition(new Predicate.Or(flatten(Predicate.Or.class, other)));
    }

    /** The negation. */
    public Condition not() {
        return new Condition(new Predicate.Not(predicate));
    }

    private List<Predicate> flatten(Class<? extends Predicate> junction, Condition other) {
        List<Predicate> operands = new ArrayList<>();
        for (Predicate operand : List.of(predicate, other.predicate)) {
            if (junction.isInstance(operand)) {
                operands.addAll(operand instanceof Predicate.And and ? and.predicates() : ((Predicate.Or) operand).predicates());
            } else {
                operands.add(operand);
            }
        }
        return operands;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Condition that && predicate.equals(that.predicate);
    }

    @Override
    public int hashCode() {
        return predicate.hashCode();
    }

    @Override
    public String toString() {
        return predicate.toString();
    }
}
