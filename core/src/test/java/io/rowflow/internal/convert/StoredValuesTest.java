package io.rowflow.internal.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class StoredValuesTest {

    @Test
    void widensWholeNumbersToTheAskedType() {
        assertThat(StoredValues.exactly((short) 5, Integer.class)).isEqualTo(5);
        assertThat(StoredValues.exactly(7, Long.class)).isEqualTo(7L);
        assertThat(StoredValues.exactly(new BigDecimal("42"), Long.class)).isEqualTo(42L);
        assertThat(StoredValues.exactly(new BigDecimal("42.000"), Integer.class)).isEqualTo(42);
        assertThat(StoredValues.exactly(9L, BigDecimal.class)).isEqualTo(BigDecimal.valueOf(9));
        assertThat(StoredValues.exactly(new BigInteger("18446744073709551615"), BigDecimal.class))
                .isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(StoredValues.exactly(3, BigInteger.class)).isEqualTo(BigInteger.valueOf(3));
        assertThat(StoredValues.exactly(100L, Byte.class)).isEqualTo((byte) 100);
    }

    @Test
    void refusesToClipOrRound() {
        assertThatThrownBy(() -> StoredValues.exactly(3_000_000_000L, Integer.class))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> StoredValues.exactly(70_000, Short.class))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("does not fit in Short");
        assertThatThrownBy(() -> StoredValues.exactly(new BigDecimal("1.5"), Long.class))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> StoredValues.exactly(new BigInteger("18446744073709551615"), Long.class))
                .isInstanceOf(ArithmeticException.class);
    }
}
