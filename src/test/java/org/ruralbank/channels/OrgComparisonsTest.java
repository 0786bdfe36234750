package org.ruralbank.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ruralbank.channels.OrgComparisons.Cell;
import org.ruralbank.channels.OrgComparisons.Compared;
import org.ruralbank.channels.OrgComparisons.OrgLine;
import org.ruralbank.channels.OrgComparisons.Periods;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.testing.TestBank;

/**
 * The org-by-org comparisons, ranks and drill-down lists of the channel pages on a hand-made bank loaded on 30 June
 * 2024, 31 May 2025 and 30 June 2025, counted by eye. June 2025 is compared with May 2025 (the period before) and
 * June 2024 (a year earlier). Personal online-banking users (a stock) on those dates: 甲 1, 1, 2; its outlet 甲一 0,
 * 1, 2; 乙 2, 2, 2. Cards: 甲一 issues one on each of 31 May and 30 June 2025 (a flow: one new card in each month).
 * Transactions: in June 甲一 three through e-channels, 甲 one at the counter and one reversed; in May 甲 one of each.
 */
class OrgComparisonsTest extends HandMadeBankTest {

    static final String YEAR_AGO = "2024-06-30";
    static final String MAY = "2025-05-31";
    static final String JUNE = "2025-06-30";
    static final LocalDate FROM = LocalDate.parse("2025-06-01");
    static final LocalDate TO = LocalDate.parse(JUNE);

    OrgComparisonsTest() {
        super(YEAR_AGO, MAY, JUNE);
    }

    @Override
    void rows(TestBank.Rows f) {
        for (String d : List.of(YEAR_AGO, MAY, JUNE)) {
            f.user(d, "p1", "PNET", bank.a, "2024-01-01", null, null);
            f.user(d, "q1", "PNET", bank.b, "2024-01-01", null, null);
            f.user(d, "q2", "PNET", bank.b, "2024-01-01", null, null);
        }
        for (String d : List.of(MAY, JUNE)) {
            f.user(d, "p2", "PNET", bank.a1, "2025-05-01", null, null);
            card(f, d, "6230000000000001", MAY);
        }
        f.user(JUNE, "p3", "PNET", bank.a, "2025-06-01", null, null);
        f.user(JUNE, "p4", "PNET", bank.a1, "2025-06-02", null, null);
        f.user(JUNE, "m1", "MOB", bank.a1, "2025-06-02", null, null);
        card(f, JUNE, "6230000000000002", JUNE);
        f.depositTxn(JUNE, "t1", bank.a1, "ATM", false)
                .depositTxn(JUNE, "t2", bank.a1, "ATM", false)
                .depositTxn(JUNE, "t3", bank.a1, "MOB", false)
                .depositTxn(JUNE, "t4", bank.a, "CNT", false)
                .depositTxn(JUNE, "t5", bank.a, "CNT", true)
                .depositTxn(MAY, "t6", bank.a, "ATM", false)
                .depositTxn(MAY, "t7", bank.a, "CNT", false);
    }

    private void card(TestBank.Rows f, String date, String cardNo, String issued) {
        f.row(
                "core_card",
                date,
                "card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, card_status",
                cardNo,
                "A" + cardNo,
                "C" + cardNo,
                "JN",
                "I",
                bank.a1.orgId(),
                issued,
                "N");
    }

    @Test
    void comparesAWholeMonthWithTheMonthBeforeAndTheSameMonthAYearEarlier() {
        assertThat(Periods.of(FROM, TO))
                .isEqualTo(new Periods(
                        FROM,
                        TO,
                        LocalDate.parse("2025-05-01"),
                        LocalDate.parse(MAY),
                        LocalDate.parse("2024-06-01"),
                        LocalDate.parse(YEAR_AGO)));
        Periods ytd = Periods.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-07-11"));
        assertThat(ytd.previousTo())
                .as("a period from 1 January: stocks before it are the year's start")
                .isEqualTo("2024-12-31");
        assertThat(ytd.previousFrom()).as("as many days as the period, 192").isEqualTo("2024-06-23");
    }

    @Test
    void eachOrgCountsTheOrgsBelowItAndIsComparedWithBothPeriods() {
        Compared c = compared(null, OrgScope.everything());

        assertThat(c.dataDate()).isEqualTo(JUNE);
        assertThat(c.previousDate()).isEqualTo(MAY);
        assertThat(c.yearAgoDate()).isEqualTo(YEAR_AGO);
        assertThat(c.orgs())
                .extracting(OrgLine::orgId, OrgLine::depth, OrgLine::subtotal)
                .containsExactlyInAnyOrder(
                        tuple(bank.head.orgId(), 0, true),
                        tuple(bank.a.orgId(), 1, true),
                        tuple(bank.a1.orgId(), 2, false),
                        tuple(bank.b.orgId(), 1, false));
        List<String> order = c.orgs().stream().map(OrgLine::orgId).toList();
        assertThat(order.get(0)).as("the bank first").isEqualTo(bank.head.orgId());
        assertThat(order.indexOf(bank.a1.orgId()))
                .as("in the org tree's order: an outlet right under its branch")
                .isEqualTo(order.indexOf(bank.a.orgId()) + 1);

        Cell a = line(c, bank.a).cell(ChannelMeasure.PNET_USERS);
        assertThat(a.value()).as("甲 2 and 甲一 2").isEqualByComparingTo("4");
        assertThat(a.previous().change()).as("against 31 May: 1 + 1").isEqualByComparingTo("2");
        assertThat(a.previous().changePct()).isEqualByComparingTo("100.00");
        assertThat(a.yearAgo().change()).as("against 30 June 2024: 1 + 0").isEqualByComparingTo("3");
        assertThat(a.yearAgo().changePct()).isEqualByComparingTo("300.00");

        Cell bank = line(c, this.bank.head).cell(ChannelMeasure.PNET_USERS);
        assertThat(bank.value()).isEqualByComparingTo("6");
        assertThat(bank.previous().changePct()).as("6 against 4").isEqualByComparingTo("50.00");
        assertThat(bank.yearAgo().changePct()).as("6 against 3").isEqualByComparingTo("100.00");

        Cell b = line(c, this.bank.b).cell(ChannelMeasure.PNET_USERS);
        assertThat(b.yearAgo().change()).isEqualByComparingTo("0");
        assertThat(b.yearAgo().changePct()).isEqualByComparingTo("0.00");
    }

    @Test
    void flowsAreSummedOverEachPeriodAndStocksTakenAtItsEnd() {
        Compared c = compared(null, OrgScope.everything());

        Cell newCards = line(c, bank.a1).cell(ChannelMeasure.NEW_CARDS);
        assertThat(newCards.value()).as("the card of 30 June").isEqualByComparingTo("1");
        assertThat(newCards.previous().change()).as("one in May too").isEqualByComparingTo("0");
        assertThat(newCards.yearAgo().before()).as("none in June 2024").isEqualByComparingTo("0");
        assertThat(newCards.yearAgo().changePct())
                .as("no percentage of a change from zero")
                .isNull();
        Cell cards = line(c, bank.a).cell(ChannelMeasure.CARDS);
        assertThat(cards.value()).as("甲一's two live cards, under 甲").isEqualByComparingTo("2");
        assertThat(cards.previous().before()).isEqualByComparingTo("1");
    }

    @Test
    void theSubstitutionRateRollsUpItsCountsAndChangesInPercentagePoints() {
        Compared c = comparisons().of(null, FROM, TO, List.of(ChannelMeasure.SUBSTITUTION_RATE), OrgScope.everything());

        Cell a = line(c, bank.a).cell(ChannelMeasure.SUBSTITUTION_RATE);
        assertThat(a.value()).as("3 of 4, the reversal in neither count").isEqualByComparingTo("75.00");
        assertThat(a.previous().change()).as("against 1 of 2 in May, in points").isEqualByComparingTo("25.00");
        assertThat(a.previous().changePct()).isNull();
        assertThat(a.yearAgo())
                .as("no transaction in June 2024: no rate to compare with")
                .isNull();
        assertThat(line(c, bank.a1).cell(ChannelMeasure.SUBSTITUTION_RATE).value())
                .isEqualByComparingTo("100.00");
        Cell b = line(c, bank.b).cell(ChannelMeasure.SUBSTITUTION_RATE);
        assertThat(b.value()).as("no transaction, no rate").isNull();
        assertThat(b.bankRank()).as("after the branches with a rate").isEqualTo(2);
    }

    @Test
    void aPeriodBeforeTheWarehouseHasNoComparisonRatherThanZero() {
        Compared c = comparisons()
                .of(
                        null,
                        LocalDate.parse("2024-06-01"),
                        LocalDate.parse(YEAR_AGO),
                        List.of(ChannelMeasure.PNET_USERS),
                        OrgScope.everything());

        Cell a = line(c, bank.a).cell(ChannelMeasure.PNET_USERS);
        assertThat(a.value()).isEqualByComparingTo("1");
        assertThat(a.previous()).as("May 2024 is not held").isNull();
        assertThat(a.yearAgo()).isNull();
    }

    @Test
    void ranksAmongAllTheBanksOrgsOfTheLevelEvenWhenTheScopeHoldsOneBranch() {
        assertThat(compared(null, OrgScope.everything()).orgs())
                .extracting(
                        o -> o.orgId(), o -> o.cell(ChannelMeasure.PNET_USERS).bankRank())
                .containsExactlyInAnyOrder(
                        tuple(bank.head.orgId(), 1),
                        tuple(bank.a.orgId(), 1),
                        tuple(bank.a1.orgId(), 1),
                        tuple(bank.b.orgId(), 2));

        Compared seenFromB = compared(null, TestBank.SmallBank.scopeOf(bank.b));
        assertThat(seenFromB.orgs())
                .as("乙's head sees 乙 alone, second of the bank's two branches, not first of one")
                .extracting(
                        OrgLine::orgId,
                        o -> o.cell(ChannelMeasure.PNET_USERS).bankRank(),
                        o -> o.cell(ChannelMeasure.PNET_USERS).levelOrgs())
                .containsExactly(tuple(bank.b.orgId(), 2, 2));
    }

    @Test
    void aChosenBranchShowsItselfAndItsOutletsAndAnOrgOutsideTheScopeIsNotFound() {
        Compared c = compared(bank.a.orgId(), TestBank.SmallBank.scopeOf(bank.a));
        assertThat(c.orgs())
                .extracting(OrgLine::orgId, OrgLine::depth)
                .containsExactly(tuple(bank.a.orgId(), 0), tuple(bank.a1.orgId(), 1));

        assertThatThrownBy(() -> compared(bank.b.orgId(), TestBank.SmallBank.scopeOf(bank.a)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void theUsersBehindAFigureAreItsListWithTheOrgsBelowWhenItIsASubtotal() {
        EbankUsers users = new EbankUsers(bank.warehouse, reads());
        ChannelPeriod.Filter june = new ChannelPeriod.Filter(bank.a.orgId(), FROM, TO);

        EbankUsers.UserList own =
                users.of(bank.a.orgId(), EbankUsers.Kind.PNET, false, june, 1, 50, OrgScope.everything());
        assertThat(own.on()).isEqualTo(JUNE);
        assertThat(own.users().items())
                .extracting(EbankUsers.UserLine::ebUserId)
                .containsExactly("p1", "p3");

        EbankUsers.UserList all =
                users.of(bank.a.orgId(), EbankUsers.Kind.PNET, true, june, 1, 50, OrgScope.everything());
        assertThat(all.users().total())
                .as("as many as 甲's subtotal counts")
                .isEqualTo(compared(null, OrgScope.everything()).orgs().stream()
                        .filter(o -> o.orgId().equals(bank.a.orgId()))
                        .findFirst()
                        .orElseThrow()
                        .cell(ChannelMeasure.PNET_USERS)
                        .value()
                        .longValueExact());
        assertThat(all.users().items().get(0).acctNo())
                .as("an account number too short to keep its ends, masked whole")
                .isEqualTo("***");

        EbankUsers.UserList page2 =
                users.of(bank.a.orgId(), EbankUsers.Kind.PNET, true, june, 2, 3, OrgScope.everything());
        assertThat(page2.users().items()).hasSize(1);
        assertThat(page2.users().total()).isEqualTo(4);

        assertThat(users.of(bank.a1.orgId(), EbankUsers.Kind.MOB, false, june, 1, 50, OrgScope.everything())
                        .users()
                        .items())
                .extracting(EbankUsers.UserLine::ebUserId)
                .containsExactly("m1");
        assertThatThrownBy(() -> users.of(
                        bank.b.orgId(), EbankUsers.Kind.PNET, false, june, 1, 50, TestBank.SmallBank.scopeOf(bank.a)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void theCardsBehindASubtotalAreThoseOfTheOrgsBelowItToo() {
        CardFigures cards = new CardFigures(bank.warehouse, reads());
        ChannelPeriod.Filter june = new ChannelPeriod.Filter(bank.a.orgId(), FROM, TO);

        assertThat(cards.cardsOf(bank.a.orgId(), false, june, 1, 50, OrgScope.everything())
                        .cards()
                        .total())
                .as("甲 issued none itself")
                .isZero();
        CardFigures.CardList below = cards.cardsOf(bank.a.orgId(), true, june, 1, 50, OrgScope.everything());
        assertThat(below.cards().items())
                .extracting(CardFigures.CardLine::cardNo, CardFigures.CardLine::issueOrgId)
                .containsExactly(
                        tuple("623000******0001", bank.a1.orgId()), tuple("623000******0002", bank.a1.orgId()));
    }

    @Test
    void eachBranchHasItsTrendMonthByMonthWithItsOutletsFigures() {
        BranchTrends trends = new BranchTrends(bank.warehouse, reads());
        ChannelPeriod.Filter mayAndJune = new ChannelPeriod.Filter(null, LocalDate.parse("2025-05-01"), TO);

        assertThat(trends.of(ChannelMeasure.NEW_CARDS, mayAndJune, OrgScope.everything()))
                .extracting(
                        BranchTrends.BranchMonth::orgId,
                        BranchTrends.BranchMonth::month,
                        m -> m.value().longValueExact())
                .containsExactlyInAnyOrder(
                        tuple(bank.a.orgId(), "2025-05", 1L),
                        tuple(bank.a.orgId(), "2025-06", 1L),
                        tuple(bank.b.orgId(), "2025-05", 0L),
                        tuple(bank.b.orgId(), "2025-06", 0L));
        assertThat(trends.of(ChannelMeasure.NEW_CARDS, mayAndJune, TestBank.SmallBank.scopeOf(bank.b)))
                .extracting(BranchTrends.BranchMonth::orgId)
                .containsOnly(bank.b.orgId());
        // a stock is that of the month's last data date: 甲's users with its outlet's at the end of May and of June
        assertThat(trends.of(ChannelMeasure.PNET_USERS, mayAndJune, OrgScope.everything()))
                .filteredOn(m -> m.orgId().equals(bank.a.orgId()))
                .extracting(BranchTrends.BranchMonth::month, m -> m.value().longValueExact())
                .containsExactly(tuple("2025-05", 2L), tuple("2025-06", 4L));
        // a rate is the month's: 1 of 2 in May, 3 of 4 in June (the reversal in neither count); none without any
        assertThat(trends.of(ChannelMeasure.SUBSTITUTION_RATE, mayAndJune, OrgScope.everything()))
                .extracting(
                        BranchTrends.BranchMonth::orgId,
                        BranchTrends.BranchMonth::month,
                        m -> m.value() == null ? null : m.value().toPlainString())
                .containsExactlyInAnyOrder(
                        tuple(bank.a.orgId(), "2025-05", "50.00"),
                        tuple(bank.a.orgId(), "2025-06", "75.00"),
                        tuple(bank.b.orgId(), "2025-05", null),
                        tuple(bank.b.orgId(), "2025-06", null));
    }

    private Compared compared(String orgId, OrgScope scope) {
        return comparisons()
                .of(
                        orgId,
                        FROM,
                        TO,
                        List.of(ChannelMeasure.PNET_USERS, ChannelMeasure.NEW_CARDS, ChannelMeasure.CARDS),
                        scope);
    }

    private OrgComparisons comparisons() {
        return new OrgComparisons(bank.warehouse, reads());
    }

    private ChannelReads reads() {
        return new ChannelReads(bank.warehouse, bank.orgs);
    }

    private static OrgLine line(Compared c, org.ruralbank.platform.Org org) {
        return c.orgs().stream()
                .filter(o -> o.orgId().equals(org.orgId()))
                .findFirst()
                .orElseThrow();
    }
}
