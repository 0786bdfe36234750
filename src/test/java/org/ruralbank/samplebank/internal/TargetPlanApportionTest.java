package org.ruralbank.samplebank.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The largest-remainder split the target plan uses, on hand-computed examples. */
class TargetPlanApportionTest {

    @Test
    void wholeSharesAddUpAndTheRemainderGoesToTheLargestFractions() {
        // 10 over 1:1:1 is 3.33 each: the one left over goes to the first of the equal fractions
        assertThat(TargetPlan.apportion(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
        // 500 over 30/25/25/20 is exact
        assertThat(TargetPlan.apportion(500, new long[] {30, 25, 25, 20})).containsExactly(150, 125, 125, 100);
        // 7 over 30/25/25/20 is 2.1, 1.75, 1.75, 1.4: two left over go to the .75s
        assertThat(TargetPlan.apportion(7, new long[] {30, 25, 25, 20})).containsExactly(2, 2, 2, 1);
        assertThat(TargetPlan.apportion(0, new long[] {5, 1})).containsExactly(0, 0);
    }
}
