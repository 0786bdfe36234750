package org.ruralbank.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.ruralbank.appraisal.CreditShare;
import org.ruralbank.appraisal.Credits;
import org.ruralbank.platform.AuditEvents;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-over of a leaving manager's portfolio with maker-checker, each bad input of the issue, and the portfolio
 * narrowing of a customer manager of own-customers scope, on a hand-made branch of the application's warehouse:
 * branch A with sub-branch A1, branch B; managers OLD (P1, P2 by their loans) and OLD2 (P1 by a third loan) at A,
 * NEW1 at A1, NEW2 at A, LEFT (left the bank) at A, OTHER at B.
 */
@OnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandOversTest {

    static final String D = "2025-05-20";
    static final LocalDate DAY = LocalDate.parse(D);

    @Autowired
    ApplicationContext ctx;

    @Autowired
    HandOvers handOvers;

    @Autowired
    Portfolios portfolios;

    @Autowired
    Customers customers;

    @Autowired
    Credits credits;

    @Autowired
    AuditEvents audit;

    @Autowired
    JdbcClient db;

    PortfolioFixture fixture;
    Org head;
    Org a;
    Org a1;
    Org b;
    String old;
    String old2;
    String new1;
    String new2;
    String left;
    String other;
    String p1;
    String p2;

    @BeforeAll
    void aBranchWithLeavingManagers() {
        TestBank bank = new TestBank(ctx);
        a = bank.branch("交接支行");
        a1 = bank.subBranch(a, "交接分理处");
        b = bank.branch("别的支行");
        head = bank.headOffice();
        fixture = new PortfolioFixture(ctx, DAY);
        fixture.orgs(head, a, a1, b);
        String x = a.orgId();
        old = "O" + x;
        old2 = "Q" + x;
        new1 = "N" + x;
        new2 = "M" + x;
        left = "L" + x;
        other = "X" + x;
        p1 = "P1" + x;
        p2 = "P2" + x;
        fixture.staff(old, a, "A")
                .staff(old2, a, "A")
                .staff(new1, a1, "A")
                .staff(new2, a, "A")
                .staff(left, a, "L")
                .staff(other, b, "A")
                .customer(p1, "交接甲", a)
                .customer(p2, "交接乙", a)
                .loan("L1" + x, p1, a, old)
                .loan("L2" + x, p2, a, old)
                .loan("L3" + x, p1, a, old2)
                .build();
    }

    private StaffPrincipal head(String name, Org org, DataScope scope) {
        return new StaffPrincipal(
                name.hashCode(),
                name + a.orgId(),
                name,
                org.orgId(),
                org.path(),
                null,
                Set.of(Role.BRANCH_HEAD),
                scope);
    }

    private HandOvers.Proposed propose(String from, StaffPrincipal by, String... toAndPercent) {
        List<Map.Entry<String, String>> to = new java.util.ArrayList<>();
        for (int i = 0; i < toAndPercent.length; i += 2) {
            to.add(Map.entry(toAndPercent[i], toAndPercent[i + 1]));
        }
        return handOvers.propose(from, to, D, "调岗", by);
    }

    private void refused(Runnable r, String field, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(Rejected.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    private StaffPrincipal headA() {
        return head("headA", a, DataScope.ORG_AND_BELOW);
    }

    private StaffPrincipal deputyA() {
        return head("deputyA", a, DataScope.ORG_AND_BELOW);
    }

    @Test
    void refusesEachBadProposalWithItsFieldAndSavesNothing() {
        StaffPrincipal h = headA();
        StaffPrincipal bank = head("bankHead", head, DataScope.ALL);
        long before = handOvers.list(OrgScope.everything()).size();
        refused(() -> propose("", h, new1, "100"), "fromStaff", "crm.handover.fromStaff.missing");
        refused(() -> propose("NOBODY", h, new1, "100"), "fromStaff", "crm.handover.staff.unknown");
        refused(() -> propose(other, h, new1, "100"), "fromStaff", "crm.handover.staff.unknown");
        refused(() -> propose(old, h), "toStaff1", "crm.handover.toStaff.missing");
        refused(() -> propose(old, h, "", "100"), "toStaff1", "crm.handover.toStaff.missing");
        refused(() -> propose(old, h, new1, "50", old, "50"), "toStaff2", "crm.handover.toStaff.leaving");
        refused(() -> propose(old, h, new1, "50", new1, "50"), "toStaff2", "crm.handover.toStaff.twice");
        refused(() -> propose(old, h, other, "100"), "toStaff1", "crm.handover.staff.unknown");
        refused(() -> propose(old, bank, other, "100"), "toStaff1", "crm.handover.toStaff.otherBranch");
        refused(() -> propose(old, h, left, "100"), "toStaff1", "crm.handover.toStaff.left");
        refused(() -> propose(old, h, new1, "60", new2, "30"), "toShare1", "crm.handover.share.sum");
        refused(() -> propose(old, h, new1, "50.5", new2, "49.5"), "toShare1", "crm.handover.share");
        refused(() -> propose(old, h, new1, "0", new2, "100"), "toShare1", "crm.handover.share");
        refused(() -> propose(old, h, new1, "百分之百"), "toShare1", "crm.handover.share");
        refused(
                () -> handOvers.propose(old, List.of(Map.entry(new1, "100")), "2025-13-01", null, h),
                "effective",
                "crm.handover.effective.missing");
        refused(
                () -> handOvers.propose(old, List.of(Map.entry(new1, "100")), D, "很".repeat(201), h),
                "note",
                "crm.handover.note.tooLong");
        refused(() -> propose(new2, h, new1, "100"), "fromStaff", "crm.handover.fromStaff.empty");
        assertThat(handOvers.list(OrgScope.everything())).hasSize((int) before);
    }

    @Test
    void refusesAHandOverToTheProposerThemself() {
        StaffPrincipal cm = new StaffPrincipal(
                7, "cm" + a.orgId(), "经理", a.orgId(), a.path(), new2, Set.of(Role.CM), DataScope.ORG_AND_BELOW);
        refused(() -> propose(old2, cm, new2, "100"), "toStaff1", "crm.handover.toStaff.self");
    }

    @Test
    void theProposerCannotApproveAndTheDatabaseRefusesASecondPendingHandOver() {
        HandOvers.Proposed p = propose(old2, headA(), new2, "100");
        try {
            assertThat(p.status()).isEqualTo(HandOvers.Status.PENDING);
            assertThat(p.customers()).isEqualTo(1);
            refused(() -> handOvers.approve(p.handOverId(), headA()), "handOverId", "crm.handover.samePerson");
            refused(() -> propose(old2, deputyA(), new1, "100"), "fromStaff", "crm.handover.fromStaff.pending");
            refused(() -> propose(old, deputyA(), new1, "100"), "fromStaff", "crm.handover.customer.pending");
            assertThatThrownBy(() -> db.sql("insert into crm_handover_customer (handover_id, cust_id, org_path, "
                                    + "pending_cust_id) values (:id, 'ANOTHER', '/', :cust)")
                            .param("id", p.handOverId())
                            .param("cust", p1)
                            .update())
                    .as("the store itself refuses a customer in two pending hand-overs")
                    .isInstanceOf(DuplicateKeyException.class);
            assertThatThrownBy(() -> db.sql("update crm_handover set status = 'APPROVED', pending_from = null, "
                                    + "decided_by = proposed_by where handover_id = :id")
                            .param("id", p.handOverId())
                            .update())
                    .as("the store itself refuses the proposer as checker")
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            assertThat(handOvers.find(p.handOverId(), OrgScope.everything()).status())
                    .isEqualTo(HandOvers.Status.PENDING);
        } finally {
            handOvers.reject(p.handOverId(), deputyA());
        }
        assertThat(handOvers.find(p.handOverId(), OrgScope.everything()).status())
                .isEqualTo(HandOvers.Status.REJECTED);
        refused(() -> handOvers.approve(p.handOverId(), deputyA()), "handOverId", "crm.handover.decided");
        assertThat(credits.creditedTo(old2, DAY, OrgScope.everything()))
                .as("a rejection moves nothing")
                .extracting(CreditShare::staffId)
                .containsOnly(old2);
    }

    @Test
    void anApproverWhoseScopeMissesAReceiverOrTheBranchIsRefused() {
        HandOvers.Proposed p = propose(old2, headA(), new1, "100");
        try {
            refused(
                    () -> handOvers.approve(p.handOverId(), head("orgOnlyA", a, DataScope.ORG)),
                    "handOverId",
                    "crm.handover.outsideScope");
            assertThatThrownBy(() -> handOvers.approve(p.handOverId(), head("headB", b, DataScope.ORG_AND_BELOW)))
                    .isInstanceOf(NotFound.class);
            assertThat(handOvers.find(p.handOverId(), OrgScope.everything()).status())
                    .isEqualTo(HandOvers.Status.PENDING);
        } finally {
            handOvers.reject(p.handOverId(), deputyA());
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anApprovedHandOverMovesThePortfolioAndTheCreditFromTheEffectiveDate() {
        assertThat(portfolios.of(old, DAY, OrgScope.everything()))
                .extracting(Portfolios.Held::custId)
                .containsExactlyInAnyOrder(p1, p2);
        HandOvers.Proposed p = propose(old, headA(), new1, "50", new2, "50");
        assertThat(handOvers.customersOf(p.handOverId(), OrgScope.everything()))
                .extracting(HandOvers.HandedCustomer::custId)
                .containsExactlyInAnyOrder(p1, p2);
        HandOvers.Proposed approved = handOvers.approve(p.handOverId(), deputyA());
        assertThat(approved.status()).isEqualTo(HandOvers.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(deputyA().username());
        fixture.build();
        assertThat(portfolios.of(old, DAY, OrgScope.everything()))
                .as("nothing left behind")
                .isEmpty();
        for (String receiver : List.of(new1, new2)) {
            assertThat(portfolios.of(receiver, DAY, OrgScope.everything()))
                    .as("no customer lost")
                    .extracting(Portfolios.Held::custId)
                    .containsExactlyInAnyOrder(p1, p2);
            assertThat(credits.creditedTo(receiver, DAY, OrgScope.everything()))
                    .extracting(s -> s.share().stripTrailingZeros().toPlainString() + " " + s.source())
                    .containsOnly("0.5 HANDOVER");
        }
        assertThat(handOvers.find(p.handOverId(), OrgScope.everything()).customers())
                .as("the history keeps what was handed over")
                .isEqualTo(2);
        List<String> actions = audit
                .search(OrgScope.everything(), new AuditEvents.Filter("", "crm.handover", null, null), 1, 500)
                .items()
                .stream()
                .filter(e -> e.targetId().equals(Long.toString(p.handOverId())))
                .map(AuditEvents.Entry::action)
                .toList();
        assertThat(actions).containsExactlyInAnyOrder("crm.handover.propose", "crm.handover.approve");
    }

    @Test
    void aCustomerManagerOfOwnCustomersScopeSeesTheirOwnPortfolioOnly() {
        StaffPrincipal cm = new StaffPrincipal(
                8, "own" + a.orgId(), "经理", a.orgId(), a.path(), old2, Set.of(Role.CM), DataScope.OWN_CUSTOMERS);
        OrgScope own = cm.scope();
        assertThat(customers.search("交接", own).hits())
                .extracting(CustomerSearch.Hit::custId)
                .containsExactly(p1);
        assertThat(customers.view(p1, DAY, own).identity().custId()).isEqualTo(p1);
        assertThatThrownBy(() -> customers.view(p2, DAY, own)).isInstanceOf(NotFound.class);
        assertThat(portfolios.managers(DAY, own))
                .extracting(Portfolios.Manager::staffId)
                .containsExactly(old2);
        assertThat(portfolios.of(old, DAY, own)).isEmpty();
        assertThat(tierCounts(own))
                .as("the value page's tiers count their portfolio")
                .isEqualTo(1);
        assertThat(tierCounts(TestBank.SmallBank.scopeOf(a))).isEqualTo(2);
        assertThat(customers.search("交接", TestBank.SmallBank.scopeOf(a)).hits())
                .extracting(CustomerSearch.Hit::custId)
                .containsExactlyInAnyOrder(p1, p2);
    }

    private record TierCount(long customers) {}

    private long tierCounts(OrgScope scope) {
        return ctx
                .getBean(org.ruralbank.warehouse.Warehouse.class)
                .queries()
                .named("crm/tiers")
                .bind("business_date", DAY)
                .bind("diamond_yuan", new java.math.BigDecimal("1000000"))
                .bind("gold_yuan", new java.math.BigDecimal("300000"))
                .bind("silver_yuan", new java.math.BigDecimal("50000"))
                .within(org.ruralbank.warehouse.OrgRows.of(scope))
                .list(TierCount.class)
                .stream()
                .mapToLong(TierCount::customers)
                .sum();
    }
}
