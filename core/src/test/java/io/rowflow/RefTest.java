package io.rowflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A reference's key, typed by the caller: one-column ids, {@link Key}s and key records. */
class RefTest {

    record StockKey(int storeId, int filmId) {
    }

    @Test
    void theKeyIsReadAsTheTargetsKeyType() {
        assertThat(Ref.to(42L).id(Long.class)).isEqualTo(42L);
        assertThat(Ref.to(42L).id(long.class)).as("a primitive stands for its wrapper").isEqualTo(42L);
        assertThat(Ref.to(Key.of(1, 23)).id(Key.class)).isEqualTo(Key.of(1, 23));
        assertThat(Ref.to(new StockKey(1, 23)).id(StockKey.class).filmId()).isEqualTo(23);
    }

    @Test
    void anUnknownKeyIsNullAndAKeyOfAnotherTypeIsRefused() {
        assertThat(Ref.of("an entity").id(Long.class)).isNull();
        assertThatThrownBy(() -> Ref.to(42L).id(Key.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Long").hasMessageContaining(Key.class.getName());
    }

    @Test
    void referencesToTheSameCompositeKeyAreEqual() {
        assertThat(Ref.to(Key.of(1, 23))).isEqualTo(Ref.to(Key.of(1, 23))).hasSameHashCodeAs(Ref.to(Key.of(1, 23)));
        assertThat(Ref.to(new StockKey(1, 23))).isEqualTo(Ref.to(new StockKey(1, 23)));
    }
}
