package io.camelexo.examples.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteQuantityTest {

    @Test
    void theExactCountInBracketsIsTaken() {
        assertThat(ByteQuantity.parse("49.5 GB (53,150,220,288 bytes)")).isEqualTo(53_150_220_288L);
        assertThat(ByteQuantity.parse("0 B (0 bytes)")).isZero();
        assertThat(ByteQuantity.parse("1 B (1 byte)")).isEqualTo(1L);
        assertThat(ByteQuantity.parse("2,5 GB (2.684.354.560 bytes)")).isEqualTo(2_684_354_560L);
        assertThat(ByteQuantity.parse("99 GB (106 300 440 576 bytes)")).isEqualTo(106_300_440_576L);
        assertThat(ByteQuantity.parse(1234)).isEqualTo(1234L);
        assertThat(ByteQuantity.parse("Unlimited")).isNull();
        assertThat(ByteQuantity.parse(null)).isNull();
    }
}
