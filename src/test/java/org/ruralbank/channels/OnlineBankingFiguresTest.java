package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.channels.OnlineBankingFigures.Transfers;
import org.ruralbank.channels.OnlineBankingFigures.Users;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.TestBank;

/**
 * The online-banking page's months on a hand-made bank loaded on 10 and 31 January and 10 February 2025, every figure
 * counted by eye: personal (p), corporate (c) and mobile (m) users signed before and during the year, an SMS sign-up
 * that is none of them, transfers of each kind, and failed transfers that neither count nor make a user active.
 */
class OnlineBankingFiguresTest extends HandMadeBankTest {

    static final String J10 = "2025-01-10";
    static final String J31 = "2025-01-31";
    static final String F10 = "2025-02-10";

    OnlineBankingFiguresTest() {
        super(J10, J31, F10);
    }

    @Override
    void rows(TestBank.Rows f) {
        for (String d : List.of(J10, J31, F10)) {
            f.user(d, "p1", "PNET", bank.a, "2024-05-01", null, null);
            f.user(d, "p2", "PNET", bank.a1, "2025-01-05", null, null);
            f.user(d, "p4", "PNET", bank.b, "2024-02-01", null, null);
            f.user(d, "c2", "CNET", bank.b, "2023-01-01", "2000000.00", "5000000.00");
            f.user(d, "m0", "MOB", bank.a, "2024-01-01", null, null);
            f.user(d, "s1", "SMS", bank.a, "2025-01-02", null, null);
        }
        for (String d : List.of(J31, F10)) {
            f.user(d, "c1", "CNET", bank.a, "2025-01-20", "2000000.00", "5000000.00");
        }
        f.user(F10, "p3", "PNET", bank.b, "2025-02-03", null, null);
        f.user(F10, "m1", "MOB", bank.b, "2025-02-08", null, null);

        f.ebTxn(J10, "e1", "p1", "PNET", "INTR", "100.00", "S");
        f.ebTxn(J10, "e2", "p1", "PNET", "INTE", "2000.00", "S");
        f.ebTxn(J10, "e3", "p2", "PNET", "NXY", "50.00", "F");
        f.ebTxn(J31, "e4", "p2", "PNET", "INTE", "300.00", "S");
        f.ebTxn(J31, "e5", "p4", "PNET", "INTR", "70.00", "F");
        f.ebTxn(J31, "e6", "c1", "CNET", "INTE", "1000000.00", "S");
        f.ebTxn(J31, "e7", "m0", "MOB", "INTR", "20.00", "S");
        f.ebTxn(F10, "e8", "p1", "PNET", "NXY", "10.00", "S");
        f.ebTxn(F10, "e9", "p3", "PNET", "INTR", "5.00", "S");
        f.ebTxn(F10, "e10", "c2", "CNET", "INTR", "200000.00", "S");
        f.ebTxn(F10, "e11", "c2", "CNET", "INTE", "50000.00", "F");
        f.ebTxn(F10, "e12", "m1", "MOB", "INTE", "80.00", "S");
    }

    @Test
    void countsUsersAtEachMonthsLastDate() {
        List<OnlineBankingFigures.Month> months = figures().of(2025, null, OrgScope.everything());
        assertThat(months).extracting(OnlineBankingFigures.Month::month).containsExactly(1, 2);
        OnlineBankingFigures.Month jan = months.get(0);
        // on 31 January: p1, p2, p4; p2 signed in January; p1 (10th) and p2 (31st) transferred, p4 only failed to
        assertThat(jan.pnet()).isEqualTo(new Users(3, 1, 2));
        // c1 signed on the 20th and transferred on the 31st; c2 did nothing in January
        assertThat(jan.cnet()).isEqualTo(new Users(2, 1, 1));
        assertThat(jan.mob()).isEqualTo(new Users(1, 0, 1));
        OnlineBankingFigures.Month feb = months.get(1);
        // p3 signed in February; p1 and p3 transferred in it
        assertThat(feb.pnet()).isEqualTo(new Users(4, 1, 2));
        // c2's successful transfer makes it active, its failed one is nothing
        assertThat(feb.cnet()).isEqualTo(new Users(2, 0, 1));
        assertThat(feb.mob()).isEqualTo(new Users(2, 1, 1));
    }

    @Test
    void sumsSuccessfulTransfersByKind() {
        List<OnlineBankingFigures.Month> months = figures().of(2025, null, OrgScope.everything());
        OnlineBankingFigures.Month jan = months.get(0);
        // intra e1 100; inter e2 2000 + e4 300; the failed NXY e3 and intra e5 are not transfers
        assertThat(jan.pnetTransfers()).isEqualTo(transfers(1, "100.00", 2, "2300.00", 0, "0.00"));
        assertThat(jan.pnetTransfers().count()).isEqualTo(3);
        assertThat(jan.pnetTransfers().amount()).isEqualByComparingTo("2400.00");
        assertThat(jan.cnetTransfers()).isEqualTo(transfers(0, "0.00", 1, "1000000.00", 0, "0.00"));
        assertThat(jan.mobTransfers()).isEqualTo(1);
        assertThat(jan.mobAmount()).isEqualByComparingTo("20.00");
        OnlineBankingFigures.Month feb = months.get(1);
        assertThat(feb.pnetTransfers()).isEqualTo(transfers(1, "5.00", 0, "0.00", 1, "10.00"));
        assertThat(feb.cnetTransfers())
                .as("the failed e11 left out")
                .isEqualTo(transfers(1, "200000.00", 0, "0.00", 0, "0.00"));
        assertThat(feb.mobTransfers()).isEqualTo(1);
        assertThat(feb.mobAmount()).isEqualByComparingTo("80.00");
    }

    @Test
    void showsABranchUserOnlyTheBranchAndItsSubBranches() {
        List<OnlineBankingFigures.Month> a = figures().of(2025, null, TestBank.SmallBank.scopeOf(bank.a));
        // p1 and m0 at A, p2 at A1, c1 at A
        assertThat(a.get(0).pnet()).isEqualTo(new Users(2, 1, 2));
        assertThat(a.get(0).cnet()).isEqualTo(new Users(1, 1, 1));
        assertThat(a.get(0).pnetTransfers().amount()).isEqualByComparingTo("2400.00");
        assertThat(a.get(1).pnet()).as("only p1 transferred in February").isEqualTo(new Users(2, 0, 1));
        assertThat(a.get(1).cnet()).isEqualTo(new Users(1, 0, 0));
        assertThat(a.get(1).mob()).isEqualTo(new Users(1, 0, 0));
        assertThat(a.get(1).pnetTransfers()).isEqualTo(transfers(0, "0.00", 0, "0.00", 1, "10.00"));

        List<OnlineBankingFigures.Month> b = figures().of(2025, null, TestBank.SmallBank.scopeOf(bank.b));
        assertThat(b.get(0).pnet()).as("p4, who only failed").isEqualTo(new Users(1, 0, 0));
        assertThat(b.get(1).pnet()).isEqualTo(new Users(2, 1, 1));
        assertThat(b.get(1).cnetTransfers().amount()).isEqualByComparingTo("200000.00");

        List<OnlineBankingFigures.Month> a1 = figures().of(2025, bank.a1.orgId(), TestBank.SmallBank.scopeOf(bank.a));
        assertThat(a1.get(0).pnet()).isEqualTo(new Users(1, 1, 1));
        assertThat(a1.get(0).cnet()).isEqualTo(new Users(0, 0, 0));
        assertThatThrownBy(() -> figures().of(2025, bank.b.orgId(), TestBank.SmallBank.scopeOf(bank.a)))
                .isInstanceOf(NotFound.class);
        assertThat(figures().of(2024, null, OrgScope.everything())).isEmpty();
    }

    private static Transfers transfers(
            long intra, String intraAmount, long inter, String interAmount, long nxy, String nxyAmount) {
        return new Transfers(
                intra, new BigDecimal(intraAmount), inter, new BigDecimal(interAmount), nxy, new BigDecimal(nxyAmount));
    }

    private OnlineBankingFigures figures() {
        return new OnlineBankingFigures(bank.warehouse, new ChannelReads(bank.warehouse, bank.orgs));
    }
}
