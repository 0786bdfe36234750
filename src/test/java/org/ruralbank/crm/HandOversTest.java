package org.ruralbank.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.ruralbank.warehouse.ReferenceData;
import org.ruralbank.warehouse.Warehouse;
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

    Warehouse warehouse;
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
        warehouse = ctx.getBean(Warehouse.class);
        TestBank.Rows f = new TestBank.Rows(warehouse.engine());
        for (Org o : List.of(head, a, a1, b)) {
            f.org(D, o);
        }
        String x = a.orgId();
        old = "O" + x;
        old2 = "Q" + x;
        new1 = "N" + x;
        new2 = "M" + x;
        left = "L" + x;
        other = "X" + x;
        p1 = "P1" + x;
        p2 = "P2" + x;
        staff(f, old, a, "A");
        staff(f, old2, a, "A");
        staff(f, new1, a1, "A");
        staff(f, new2, a, "A");
        staff(f, left, a, "L");
        staff(f, other, b, "A");
        f.customer(D, p1, "P", "交接甲", "360102199001019991", "13800009991", "城关镇1号", "东村", null, a)
                .customer(D, p2, "P", "交接乙", "360102199001019992", "13800009992", "城关镇2号", "东村", null, a)
                .account(D, "A" + p1, p1, a, "1000.00", "N")
                .account(D, "A" + p2, p2, a, "2000.00", "N");
        loan(f, "L1" + x, p1, old);
        loan(f, "L2" + x, p2, old);
        loan(f, "L3" + x, p1, old2);
        build();
    }

    private static void staff(TestBank.Rows f, String id, Org org, String status) {
        f.row(
                "core_staff",
                D,
                "staff_id, staff_name, org_id, post_code, hire_date, status",
                id,
                "员工" + id,
                org.orgId(),
                "CM",
                "2010-01-01",
                status);
    }

    private void loan(TestBank.Rows f, String no, String cust, String manager) {
        f.row(
                "cred_loan_contract",
                D,
                "contract_no, cust_id, org_id, manager_staff_id, product_code, contract_amt, int_rate, start_date, "
                        + "maturity_date, repay_method, guarantee_type, status",
                no,
                cust,
                a.orgId(),
                manager,
                "FARM",
                new BigDecimal("10000.00"),
                new BigDecimal("0.06"),
                "2024-06-01",
                "2027-01-01",
                "EPI",
                "C",
                "A");
        f.row(
                "cred_loan",
                D,
                "loan_no, contract_no, cust_id, org_id, disburse_date, maturity_date, loan_amt, balance, int_rate, "
                        + "overdue_principal, overdue_interest, dpd, class_5, status",
                no,
                no,
                cust,
                a.orgId(),
                "2024-06-01",
                "2027-01-01",
                new BigDecimal("10000.00"),
                new BigDecimal("10000.00"),
                new BigDecimal("0.06"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                "1",
                "A");
    }

    /**
     * Builds the day (with the approved claims, as every publication fills them), and the last day the portfolios
     * hold when another test built a later one.
     */
    private void build() {
        warehouse.engine().inTransaction(() -> warehouse.runner().build(List.of(DAY), s -> {}));
        for (ReferenceData r : ctx.getBeansOfType(ReferenceData.class).values()) {
            if (r.table().equals("ref.credit_claim")) {
                warehouse.engine().execute("delete from ref.credit_claim");
                for (List<Object> row : r.rows()) {
                    warehouse.engine().execute(
                            "insert into ref.credit_claim values (?, ?, ?, ?, ?, ?, ?, ?)", row);
                }
            }
        }
        warehouse.engine().inTransaction(() -> warehouse.runner().build(List.of(DAY), s -> {}));
        LocalDate last = customers.lastDate();
        if (last.isAfter(DAY)) {
            warehouse.engine().inTransaction(() -> warehouse.runner().build(List.of(last), s -> {}));
        }
    }

    private StaffPrincipal head(String name, Org org, DataScope scope) {
        return new StaffPrincipal(
                name.hashCode(), name + a.orgId(), name, org.orgId(), org.path(), null, Set.of(Role.BRANCH_HEAD), scope);
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
                "crm.handover.effective");
        refused(
                () -> handOvers.propose(old, List.of(Map.entry(new1, "100")), D, "很".repeat(201), h),
                "note",
                "crm.handover.note");
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
        build();
        assertThat(portfolios.of(old, DAY, OrgScope.everything())).as("nothing left behind").isEmpty();
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
        assertThat(customers.search("交接", TestBank.SmallBank.scopeOf(a)).hits())
                .extracting(CustomerSearch.Hit::custId)
                .containsExactlyInAnyOrder(p1, p2);
    }
}
