package io.camelexo.exchangeonline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit reader's set of ids handed on: each id is new exactly once, GUID or not, beyond the size it expected. */
class RecordIdsTest {

    @Test
    void eachIdIsNewOnceAcrossGrowthAndWhateverItsForm() {
        RecordIds ids = new RecordIds(16);
        Set<String> reference = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = i % 10 == 0
                    ? "record-" + i
                    : UUID.nameUUIDFromBytes(("e" + i).getBytes()).toString();
            assertThat(ids.add(id)).isEqualTo(reference.add(id)).isTrue();
        }
        for (int i = 0; i < 20_000; i += 7) {
            String id = i % 10 == 0
                    ? "record-" + i
                    : UUID.nameUUIDFromBytes(("e" + i).getBytes()).toString();
            assertThat(ids.add(id)).as("seen before: %s", id).isFalse();
        }
    }

    @Test
    void aGuidInCapitalsIsTheSameIdAndNearMissesAreTextOfTheirOwn() {
        RecordIds ids = new RecordIds(4);
        String guid = "a1b2c3d4-0000-4000-8000-00000000abcd";
        assertThat(ids.add(guid)).isTrue();
        assertThat(ids.add(guid.toUpperCase())).isFalse();
        assertThat(ids.add("00000000-0000-0000-0000-000000000000")).isTrue();
        assertThat(ids.add("00000000-0000-0000-0000-000000000000")).isFalse();
        assertThat(ids.add("a1b2c3d4x0000-4000-8000-00000000abcd"))
                .as("a dash missing")
                .isTrue();
        assertThat(ids.add("g1b2c3d4-0000-4000-8000-00000000abcd"))
                .as("not hex")
                .isTrue();
        assertThat(ids.add("")).isTrue();
        assertThat(ids.add("")).isFalse();
    }
}
