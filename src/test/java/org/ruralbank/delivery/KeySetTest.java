package org.ruralbank.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeySetTest {

    @Test
    void findsExactlyTheKeysAHashSetFindsWhileGrowing() {
        KeySet keys = new KeySet(0);
        Set<String> reference = new HashSet<>();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            String k = "88010" + r.nextInt(150_000) + (i % 7 == 0 ? "蕓" : "");
            assertThat(keys.add(k)).as(k).isEqualTo(reference.add(k));
        }
        assertThat(keys.size()).isEqualTo(reference.size());
    }

    @Test
    void tellsApartKeysOfDifferentLengthAndContent() {
        KeySet keys = new KeySet(4);
        assertThat(keys.add("")).isTrue();
        assertThat(keys.add("A")).isTrue();
        assertThat(keys.add("A\u0001")).isTrue();
        assertThat(keys.add(new StringBuilder("A"))).isFalse();
        assertThat(keys.add("")).isFalse();
    }
}
