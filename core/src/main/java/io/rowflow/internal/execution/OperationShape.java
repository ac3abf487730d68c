package io.rowflow.internal.execution;

import io.rowflow.observe.OperationKind;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The part of an operation's description that depends on its shape, not on one execution: kind,
 * entity, relationship, coalesced, and where it runs (in a transaction, read-only). Built once per
 * kind and entity type (cached here) or once per relationship batch; the variants inside a
 * transaction are cached on the shape, so describing a statement allocates nothing.
 */
public final class OperationShape {

    private static final OperationKind[] KINDS = OperationKind.values();

    /** The shapes without an entity, by kind. */
    private static final OperationShape[] UNTYPED = new OperationShape[KINDS.length];

    static {
        for (OperationKind kind : KINDS) {
            UNTYPED[kind.ordinal()] = new OperationShape(kind, null, null, false, false, kind.isRead());
        }
    }

    /** The shapes of each entity type, by kind, created on first use. */
    private static final ClassValue<AtomicReferenceArray<OperationShape>> TYPED = new ClassValue<>() {
        @Override
        protected AtomicReferenceArray<OperationShape> computeValue(Class<?> type) {
            return new AtomicReferenceArray<>(KINDS.length);
        }
    };

    private final OperationKind kind;
    private final @Nullable Class<?> entityType;
    private final @Nullable String relationship;
    private final boolean coalesced;
    private final boolean inTransaction;
    private final boolean readOnly;
    private volatile @Nullable OperationShape asCoalesced;
    private volatile @Nullable OperationShape inReadOnlyTransaction;
    private volatile @Nullable OperationShape inReadWriteTransaction;

    private OperationShape(OperationKind kind, @Nullable Class<?> entityType, @Nullable String relationship,
                           boolean coalesced, boolean inTransaction, boolean readOnly) {
        this.kind = kind;
        this.entityType = entityType;
        this.relationship = relationship;
        this.coalesced = coalesced;
        this.inTransaction = inTransaction;
        this.readOnly = readOnly;
    }

    /** The shape of an operation of this kind on this entity type (or none), outside a transaction; cached. */
    public static OperationShape of(OperationKind kind, @Nullable Class<?> entityType) {
        if (entityType == null) {
            return UNTYPED[kind.ordinal()];
        }
        AtomicReferenceArray<OperationShape> shapes = TYPED.get(entityType);
        OperationShape shape = shapes.get(kind.ordinal());
        if (shape == null) {
            shapes.compareAndSet(kind.ordinal(), null,
                    new OperationShape(kind, entityType, null, false, false, kind.isRead()));
            shape = shapes.get(kind.ordinal());
        }
        return shape;
    }

    /** The shape of the follow-ups loading the relationship {@code name} of {@code ownerType}, whose rows are {@code targetType}. */
    public static OperationShape relationship(Class<?> targetType, Class<?> ownerType, String name) {
        return new OperationShape(OperationKind.RELATIONSHIP, targetType, ownerType.getSimpleName() + "." + name,
                false, false, true);
    }

    /** This shape as a statement gathered by coalescing; allocates only the first time per shape. */
    public OperationShape asCoalesced() {
        OperationShape shape = coalesced ? this : asCoalesced;
        if (shape == null) {
            shape = new OperationShape(kind, entityType, relationship, true, inTransaction, readOnly);
            asCoalesced = shape;
        }
        return shape;
    }

    /**
     * This shape inside a transaction, read-only when the transaction is. Allocates only the first
     * time per shape (a benign race may build it twice).
     */
    public OperationShape inTransaction(boolean readOnlyTransaction) {
        OperationShape shape = readOnlyTransaction ? inReadOnlyTransaction : inReadWriteTransaction;
        if (shape == null) {
            shape = new OperationShape(kind, entityType, relationship, coalesced, true, readOnlyTransaction);
            if (readOnlyTransaction) {
                inReadOnlyTransaction = shape;
            } else {
                inReadWriteTransaction = shape;
            }
        }
        return shape;
    }

    /** What it is for. */
    public OperationKind kind() {
        return kind;
    }

    /** The entity, or {@code null}. */
    public @Nullable Class<?> entityType() {
        return entityType;
    }

    /** The relationship a follow-up loads, or {@code null}. */
    public @Nullable String relationship() {
        return relationship;
    }

    /** Whether it serves a coalesced batch. */
    public boolean coalesced() {
        return coalesced;
    }

    /** Whether it runs in a transaction. */
    public boolean inTransaction() {
        return inTransaction;
    }

    /** Whether the work only reads. */
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public String toString() {
        return kind + (entityType == null ? "" : " " + entityType.getSimpleName())
                + (relationship == null ? "" : " " + relationship) + (coalesced ? " coalesced" : "")
                + (inTransaction ? " in transaction" : "") + (readOnly ? " read-only" : "");
    }
}
