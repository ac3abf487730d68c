package io.rowflow.schema;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.Enumerated;
import io.rowflow.annotation.EnumType;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.JoinTable;
import io.rowflow.annotation.ManyToMany;
import io.rowflow.annotation.Table;
import io.rowflow.fixtures.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Mappings of the hand-written shop schema of {@link SchemaValidationContract}: three that match
 * it, and ten that are each broken in one way.
 */
public final class Shop {

    private Shop() {
    }

    // ---- matching ----

    @Table(name = "shop_customer")
    public record Customer(@Id Long id, @Column(nullable = false) String name, String email, Integer age, int score) {
    }

    @Table(name = "shop_order")
    public record Order(@Id Long id, long customerId, BigDecimal total, LocalDate placed,
                        @ManyToMany @JoinTable(name = "shop_order_tag", joinColumn = @JoinColumn(name = "order_id"),
                                inverseJoinColumn = @JoinColumn(name = "tag_id")) List<Tag> tags) {
    }

    @Table(name = "shop_tag")
    public record Tag(@Id Long id, String label) {
    }

    // ---- broken, one way each ----

    /** {@code name} is text, not a number. */
    @Table(name = "shop_customer")
    public record WrongType(@Id Long id, Integer name) {
    }

    /** The table has no {@code nickname}. */
    @Table(name = "shop_customer")
    public record MissingColumn(@Id Long id, String nickname) {
    }

    /** {@code age} accepts NULL, which an {@code int} cannot hold. */
    @Table(name = "shop_customer")
    public record PrimitiveOnNullable(@Id Long id, int age) {
    }

    /** {@code email} accepts NULL, though the mapping says it never does. */
    @Table(name = "shop_customer")
    public record NotNullOnNullable(@Id Long id, @Column(nullable = false) String email) {
    }

    /** The key is {@code id}, not {@code name}. */
    @Table(name = "shop_customer")
    public record WrongKey(@Id String name, Long id) {
    }

    /** No such table. */
    @Table(name = "shop_missing")
    public record MissingTable(@Id Long id) {
    }

    /** {@code shop_note} has no primary key. */
    @Table(name = "shop_note")
    public record NoPrimaryKey(@Id Long id, String body) {
    }

    /** The link table {@code shop_order_label} does not exist. */
    @Table(name = "shop_order")
    public record MissingLinkTable(@Id Long id,
                                   @ManyToMany @JoinTable(name = "shop_order_label", joinColumn = @JoinColumn(name = "order_id"),
                                           inverseJoinColumn = @JoinColumn(name = "tag_id")) List<Tag> tags) {
    }

    /** {@code id} is a {@code bigint}, too wide for an {@code Integer}. */
    @Table(name = "shop_tag")
    public record NarrowKey(@Id Integer id, String label) {
    }

    /** {@code label} holds text; an enum stored by ordinal needs an integer column. */
    @Table(name = "shop_tag")
    public record OrdinalOnText(@Id Long id, @Enumerated(EnumType.ORDINAL) Status label) {
    }

    /** The ten broken mappings. */
    public static final List<Class<?>> BROKEN = List.of(WrongType.class, MissingColumn.class,
            PrimitiveOnNullable.class, NotNullOnNullable.class, WrongKey.class, MissingTable.class, NoPrimaryKey.class,
            MissingLinkTable.class, NarrowKey.class, OrdinalOnText.class);

}
