package org.ruralbank.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.crm.GuaranteeCircles.Edge;
import org.ruralbank.crm.GuaranteeCircles.Group;
import org.ruralbank.crm.GuaranteeCircles.Kind;

/** Circle and chain detection on hand-made guarantee graphs: known circles, and graphs that are not circles. */
class GuaranteeCirclesTest {

    private static Edge g(String guarantor, String borrower) {
        return new Edge(guarantor, null, borrower, null, "C-" + borrower, new BigDecimal("100.00"), "B01");
    }

    private static List<String> described(List<Group> groups) {
        return groups.stream()
                .map(x -> x.kind() + " " + String.join(",", x.members()) + " " + x.length())
                .toList();
    }

    @Test
    void findsAMutualGuarantee() {
        assertThat(described(GuaranteeCircles.find(List.of(g("A", "B"), g("B", "A")))))
                .containsExactly("MUTUAL A,B 2");
    }

    @Test
    void findsAJointCircleOfThreeAndOfFive() {
        List<Group> groups = GuaranteeCircles.find(List.of(
                g("A", "B"),
                g("B", "C"),
                g("C", "A"),
                g("P", "Q"),
                g("Q", "R"),
                g("R", "S"),
                g("S", "T"),
                g("T", "P")));
        assertThat(described(groups)).containsExactly("JOINT P,Q,R,S,T 5", "JOINT A,B,C 3");
        assertThat(groups.get(1).edges()).hasSize(3);
        assertThat(groups.get(1).amount()).isEqualByComparingTo("300.00");
    }

    @Test
    void reportsACircleWithATailAsTheCircleOnly() {
        // D guarantees A, who is in the circle A-B-C; E guarantees D: the tail is not a circle
        assertThat(described(GuaranteeCircles.find(
                        List.of(g("A", "B"), g("B", "C"), g("C", "A"), g("D", "A"), g("E", "D")))))
                .containsExactly("JOINT A,B,C 3");
    }

    @Test
    void findsTwoCirclesSharingNoMemberButJoinedByOneGuarantee() {
        assertThat(described(GuaranteeCircles.find(
                        List.of(g("A", "B"), g("B", "A"), g("B", "C"), g("C", "D"), g("D", "C")))))
                .containsExactly("MUTUAL A,B 2", "MUTUAL C,D 2");
    }

    @Test
    void findsAChainButNoCircleInAChain() {
        assertThat(described(GuaranteeCircles.find(List.of(g("A", "B"), g("B", "C"), g("C", "D")))))
                .containsExactly("CHAIN A,B,C,D 3");
    }

    @Test
    void findsNothingInAStarOrASingleGuaranteeOrADiamond() {
        // one guarantor of many borrowers, many guarantors of one borrower: one link each, no chain
        assertThat(GuaranteeCircles.find(List.of(g("A", "B"), g("A", "C"), g("A", "D"))))
                .isEmpty();
        assertThat(GuaranteeCircles.find(List.of(g("B", "A"), g("C", "A"), g("D", "A"))))
                .isEmpty();
        assertThat(GuaranteeCircles.find(List.of(g("A", "B")))).isEmpty();
        // A guarantees B and C, both guarantee D: two links, no circle (converging paths are not a loop)
        assertThat(described(GuaranteeCircles.find(List.of(g("A", "B"), g("A", "C"), g("B", "D"), g("C", "D")))))
                .containsExactly("CHAIN A,B,C,D 2");
    }

    @Test
    void ignoresSomeoneGuaranteeingTheirOwnLoan() {
        assertThat(GuaranteeCircles.find(List.of(g("A", "A")))).isEmpty();
    }

    @Test
    void handlesALongChainWithoutOverflowingTheStack() {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            edges.add(g("N" + i, "N" + (i + 1)));
        }
        edges.add(g("N200000", "N0"));
        List<Group> groups = GuaranteeCircles.find(edges);
        assertThat(groups).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Kind.JOINT);
            assertThat(x.length()).isEqualTo(200_001);
        });
    }
}
