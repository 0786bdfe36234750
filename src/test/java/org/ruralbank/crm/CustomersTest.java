package org.ruralbank.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Search, the customer whole and relationships on the hand-made bank of {@link CrmFixture}. */
@OnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomersTest {

    static final LocalDate D2 = LocalDate.parse(CrmFixture.D2);

    @Autowired
    ApplicationContext ctx;

    TestBank.SmallBank bank;
    Customers customers;
    OrgScope a;
    OrgScope b;

    @BeforeAll
    void buildBank() {
        bank = new TestBank(ctx).smallBank(CrmFixture.D1, CrmFixture.D2);
        CrmFixture.write(bank.rows, bank.a, bank.a1, bank.b);
        bank.build(CrmFixture.D1, CrmFixture.D2);
        customers = new Customers(bank.warehouse, ctx.getBean(AuditLog.class), Tiers.standard(), Clock.systemUTC());
        a = TestBank.SmallBank.scopeOf(bank.a);
        b = TestBank.SmallBank.scopeOf(bank.b);
    }

    @AfterAll
    void closeBank() {
        bank.close();
    }

    private List<String> found(String text, OrgScope scope) {
        return customers.search(text, scope).hits().stream()
                .map(CustomerSearch.Hit::custId)
                .toList();
    }

    @Test
    void findsByAPartOfTheNameWithinTheScopeOnly() {
        assertThat(found("王", a)).as("by name in code-point order: 伟 before 芳").containsExactly("P1", "P2");
        assertThat(found("张敏", a)).as("P4 is branch B's").isEmpty();
        assertThat(found("张敏", b)).containsExactly("P4");
        assertThat(found("李", a)).as("A's sub-branch is within A's scope").containsExactly("P3");
    }

    @Test
    void findsByWholeNumbersAndMasksThem() {
        CustomerSearch.Hit byId =
                customers.search(CrmFixture.P1_ID_NO, a).hits().get(0);
        assertThat(byId.custId()).isEqualTo("P1");
        assertThat(byId.matchedBy()).isEqualTo("ID_NO");
        assertThat(byId.idNo()).isEqualTo("360102********1234");
        assertThat(byId.mobile()).isEqualTo("138****1111");
        assertThat(customers.search("13800002222", a).hits())
                .extracting(CustomerSearch.Hit::matchedBy)
                .containsExactly("MOBILE");
        assertThat(found("A4", a)).containsExactly("P3");
        assertThat(found("6230000000000001", a)).containsExactly("P1");
        assertThat(found("6230000000000002", a)).as("B's card").isEmpty();
        assertThat(found("13800001", a)).as("a part of a mobile finds nothing").isEmpty();
    }

    @Test
    void treatsWildcardsAndQuotesLiterally() {
        assertThat(found("_", a)).as("only the name with an underscore").containsExactly("P5");
        assertThat(found("赵_丽", a)).containsExactly("P5");
        assertThat(found("%", a)).isEmpty();
        assertThat(found("赵%丽", a)).isEmpty();
        assertThat(found("' or '1'='1", a)).isEmpty();
        assertThat(found("\\", a)).isEmpty();
    }

    @Test
    void rejectsAnEmptyOrOverlongText() {
        assertThatThrownBy(() -> customers.search("  ", a))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("crm.search.empty"));
        assertThatThrownBy(() -> customers.search("王".repeat(41), a))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("crm.search.tooLong"));
    }

    @Test
    void showsTheCustomerWholeMasked() {
        Customer360 v = customers.view("P1", D2, a);
        assertThat(v.unmasked()).isFalse();
        assertThat(v.identity().custName()).isEqualTo("王伟");
        assertThat(v.identity().idNo()).isEqualTo("360102********1234");
        assertThat(v.identity().mobile()).isEqualTo("138****1111");
        assertThat(v.accounts()).singleElement().satisfies(acct -> {
            assertThat(acct.balance()).isEqualByComparingTo("50000.00");
            assertThat(v.dailyAverage(acct))
                    .as("29 days of 100,000.00 and 1 of 50,000.00 over 2 to 31 March")
                    .isEqualByComparingTo("98333.33");
        });
        assertThat(v.loans()).singleElement().satisfies(l -> {
            assertThat(l.loanNo()).isEqualTo("L1");
            assertThat(l.balance()).isEqualByComparingTo("50000.00");
            assertThat(l.class5()).isEqualTo("1");
        });
        assertThat(v.cards()).singleElement().satisfies(k -> {
            assertThat(k.cardNo()).isEqualTo("623000******0001");
            assertThat(k.medium()).isEqualTo("M");
        });
        assertThat(v.ebank()).extracting(Customer360.EbankSignUp::ebType).containsExactly("SMS");
        assertThat(v.warnings())
                .extracting(Customer360.Warning::kind)
                .containsExactlyInAnyOrder("FALLING_BALANCE", "LOAN_NEAR_MATURITY");
        assertThat(v.timeline())
                .extracting(Customer360.Event::kind)
                .contains("LOAN_DISBURSED", "ACCOUNT_OPENED", "CARD_ISSUED", "EBANK_SIGNED", "CUSTOMER_OPENED");
        assertThat(v.timeline()).allSatisfy(e -> assertThat(e.subject()).doesNotContain("6230000000000001"));
    }

    @Test
    void valuesTheCustomerByTheSimpleMarginWithoutFtp() {
        CustomerValue value = customers.view("P1", D2, a).value();
        assertThat(value.ftp()).isFalse();
        assertThat(value.depositMargin()).as("2,950,000 yuan-days × 1.5% / 360").isEqualByComparingTo("122.92");
        assertThat(value.loanMargin()).as("50,000 × 30 days × 3% / 360").isEqualByComparingTo("125.00");
        assertThat(value.contribution()).isEqualByComparingTo("247.92");
        assertThat(value.tier()).as("50,000.00 of deposits").isEqualTo(CustomerValue.Tier.SILVER);
    }

    @Test
    void showsEachKindOfRelationship() {
        Customer360 p1 = customers.view("P1", D2, a);
        assertThat(p1.relations())
                .extracting(r -> r.kind() + (r.outgoing() ? "→" : "←") + r.otherCustId())
                .containsExactlyInAnyOrder("LEGAL_REP→C1", "GUARANTOR→P2", "GUARANTOR←P2");
        assertThat(p1.household())
                .extracting(Customer360.HouseholdMember::custId)
                .containsExactly("P2");
        Customer360 p3 = customers.view("P3", D2, a);
        assertThat(p3.relations())
                .extracting(r -> r.kind() + (r.outgoing() ? "→" : "←") + r.otherCustId() + " " + r.amount())
                .as("P2 paid P3 three times within 90 days; P3's one transfer to P1 (and two reversed) is not frequent")
                .containsExactlyInAnyOrder("EMPLOYER←C1 4500.00", "GUARANTOR→P4 20000.00", "COUNTERPARTY←P2 1500.00");
        assertThat(customers.view("P3", LocalDate.parse(CrmFixture.D1), a).relations())
                .extracting(Customer360.Relation::kind)
                .as("two transfers by D1 are not frequent (nor is there a payroll yet)")
                .containsExactly("GUARANTOR");
        assertThat(customers.view("P2", D2, a).relations())
                .extracting(r -> r.kind() + (r.outgoing() ? "→" : "←") + r.otherCustId())
                .as("P1's one transfer to P2 and P1's transfers to another bank are no counterparty")
                .containsExactlyInAnyOrder("GUARANTOR→P1", "GUARANTOR←P1", "COUNTERPARTY→P3");
        assertThat(p3.payouts()).singleElement().satisfies(p -> {
            assertThat(p.bizType()).isEqualTo("PAYROLL");
            assertThat(p.amount()).isEqualByComparingTo("4500.00");
        });
        assertThat(p3.household()).isEmpty();
    }

    private static List<String> edges(RelationshipGraph g) {
        return g.edges().stream()
                .map(e -> e.kind() + " " + id(g.node(e.from())) + "→" + id(g.node(e.to())))
                .toList();
    }

    private static String id(RelationshipGraph.Node n) {
        return n.custId() == null ? "(out of scope)" : n.custId();
    }

    @Test
    void drawsTheRelationshipsAroundACustomer() {
        RelationshipGraph p1 = customers.graph("P1", D2, a, List::of);
        assertThat(p1.center().custId()).isEqualTo("P1");
        assertThat(p1.nodes()).extracting(RelationshipGraph.Node::custId).containsExactly("P1", "C1", "P2");
        assertThat(edges(p1)).containsExactlyInAnyOrder("LEGAL_REP P1→C1", "GUARANTOR P1→P2", "GUARANTOR P2→P1");
        assertThat(p1.kinds()).containsExactly(RelationshipGraph.Kind.LEGAL_REP, RelationshipGraph.Kind.GUARANTOR);
        assertThat(p1.edges())
                .as("the mutual guarantee's two relationships bend apart")
                .filteredOn(e -> e.kind() == RelationshipGraph.Kind.GUARANTOR)
                .extracting(RelationshipGraph.Edge::path)
                .doesNotHaveDuplicates();
        assertThat(p1.nodes()).allSatisfy(n -> {
            assertThat(n.x()).isBetween(0.0, (double) RelationshipGraph.WIDTH);
            assertThat(n.y()).isBetween(0.0, (double) RelationshipGraph.HEIGHT);
        });

        RelationshipGraph p3 = customers.graph("P3", D2, a, List::of);
        assertThat(edges(p3))
                .as("P4 is branch B's: drawn without id or name")
                .containsExactlyInAnyOrder("EMPLOYER C1→P3", "GUARANTOR P3→(out of scope)", "COUNTERPARTY P2→P3");
        assertThat(p3.nodes()).filteredOn(n -> !n.inScope()).singleElement().satisfies(n -> {
            assertThat(n.custId()).isNull();
            assertThat(n.name()).isNull();
            assertThat(n.label()).isNull();
        });
        assertThat(p3.hasOutOfScope()).isTrue();

        RelationshipGraph p2 = customers.graph("P2", D2, a, List::of);
        assertThat(edges(p2))
                .as("and between the neighbours: P1's relationships with P3? none; P3 with P1: one transfer, no")
                .containsExactlyInAnyOrder("GUARANTOR P1→P2", "GUARANTOR P2→P1", "COUNTERPARTY P2→P3");

        RelationshipGraph c1 = customers.graph("C1", D2, a, List::of);
        assertThat(edges(c1))
                .as("between C1's neighbours P1 and P3: nothing; C1's representative and employee")
                .containsExactlyInAnyOrder("LEGAL_REP P1→C1", "EMPLOYER C1→P3");

        RelationshipGraph p4 = customers.graph("P4", D2, b, List::of);
        assertThat(edges(p4)).as("seen from branch B, P3 is outside").containsExactly("GUARANTOR (out of scope)→P4");
        assertThat(p4.nodes()).extracting(RelationshipGraph.Node::name).containsOnly("张敏", null);

        assertThatThrownBy(() -> customers.graph("P4", D2, a, List::of)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> customers.graph("NOPE", D2, a, List::of)).isInstanceOf(NotFound.class);
        assertThat(customers.graph("P5", D2, a, List::of).edges()).isEmpty();
    }

    @Test
    void confirmsTheHouseholdTheDataProposesOnceAndDrawsIt() {
        HouseholdDecisions households = new HouseholdDecisions(
                ctx.getBean(org.ruralbank.crm.internal.JdbcHouseholdDecisions.class),
                bank.warehouse,
                ctx.getBean(AuditLog.class),
                Clock.systemUTC());
        var staffA = staff(bank.a);
        var staffB = staff(bank.b);
        Customer360 p1 = customers.view("P1", D2, a);
        HouseholdDecisions.Household proposed = households.of("P1", p1.household());
        assertThat(proposed.state()).isEqualTo(HouseholdDecisions.State.PROPOSED);
        assertThat(proposed.proposal()).isEqualTo("P1,P2");
        assertThat(customers
                        .graph("P1", D2, a, () -> households.confirmed("P1", a))
                        .kinds())
                .as("a proposal is no relationship yet")
                .doesNotContain(RelationshipGraph.Kind.HOUSEHOLD);

        assertThatThrownBy(() -> households.decide("P1", "MAYBE", "P1,P2", staffA))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("decision"));
        assertThatThrownBy(() -> households.decide("P1", "CONFIRM", "P1", staffA))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.field()).isEqualTo("members"));
        assertThatThrownBy(() -> households.decide("P1", "CONFIRM", "P1,P2", staffB))
                .as("branch B cannot decide on branch A's customer")
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> households.decide("P5", "CONFIRM", "P5", staffA))
                .as("nobody else lives at P5's address")
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("crm.household.none"));

        HouseholdDecisions.Decided d = households.decide("P1", "CONFIRM", "P2, P1", staffA);
        assertThat(d.replayed()).isFalse();
        assertThat(d.decision().status()).isEqualTo(HouseholdDecisions.Status.CONFIRMED);
        assertThat(d.decision().members())
                .extracting(HouseholdDecisions.Member::custId)
                .containsExactly("P1", "P2");
        assertThat(households.decide("P1", "CONFIRM", "P1,P2", staffA).replayed())
                .as("the same decision again is the decision made")
                .isTrue();
        assertThatThrownBy(() -> households.decide("P2", "REJECT", "P2,P1", staffA))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.code()).isEqualTo("crm.household.decided.CONFIRMED"));
        assertThat(auditCount("crm.household.confirm", d.decision().householdId()))
                .isEqualTo(1);

        HouseholdDecisions.Household p2 =
                households.of("P2", customers.view("P2", D2, a).household());
        assertThat(p2.state()).isEqualTo(HouseholdDecisions.State.CONFIRMED);
        assertThat(p2.members()).extracting(HouseholdDecisions.Member::custId).containsExactly("P1");
        RelationshipGraph g = customers.graph("P1", D2, a, () -> households.confirmed("P1", a));
        assertThat(edges(g)).contains("HOUSEHOLD P1→P2");
        assertThat(households.confirmed("P1", b))
                .as("seen from branch B, P2 lies outside the scope")
                .singleElement()
                .satisfies(m -> assertThat(m.inScope()).isFalse());
    }

    private long auditCount(String action, long householdId) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from audit_event where action = :a and target_id = :t")
                .param("a", action)
                .param("t", Long.toString(householdId))
                .query(Long.class)
                .single();
    }

    private static org.ruralbank.platform.StaffPrincipal staff(org.ruralbank.platform.Org o) {
        return new org.ruralbank.platform.StaffPrincipal(
                1,
                "u." + o.orgId(),
                "u",
                o.orgId(),
                o.path(),
                null,
                java.util.Set.of(),
                org.ruralbank.platform.DataScope.ORG_AND_BELOW);
    }

    @Test
    void answersNotFoundForAnUnknownCustomerAndOneOutsideTheScope() {
        assertThatThrownBy(() -> customers.view("P4", D2, a)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> customers.view("NOPE", D2, a)).isInstanceOf(NotFound.class);
        assertThat(customers.view("P4", D2, b).identity().custName()).isEqualTo("张敏");
    }

    @Test
    void makesMarketingListsFromTheData() {
        Tiers gold100k = new Tiers(
                new java.math.BigDecimal("1000000"),
                new java.math.BigDecimal("100000"),
                new java.math.BigDecimal("50000"),
                new java.math.BigDecimal("50000"));
        MarketingLists.Listed magnetic =
                MarketingLists.of(bank.warehouse.queries(), MarketingLists.Kind.MAGNETIC_CARD, D2, gold100k, a);
        assertThat(magnetic.entries()).singleElement().satisfies(e -> {
            assertThat(e.custId())
                    .as("P1's K1; P4's chip card K2 is B's anyway")
                    .isEqualTo("P1");
            assertThat(e.detail()).isEqualTo("623000******0001");
            assertThat(e.mobile()).isEqualTo("138****1111");
        });
        assertThat(MarketingLists.of(bank.warehouse.queries(), MarketingLists.Kind.RICH_NO_SMS, D2, gold100k, a)
                        .entries())
                .extracting(MarketingLists.Entry::custId)
                .as("C1 has 200,000.00 and no SMS; P1 has SMS")
                .containsExactly("C1");
        assertThat(MarketingLists.of(bank.warehouse.queries(), MarketingLists.Kind.MAGNETIC_CARD, D2, gold100k, b)
                        .entries())
                .isEmpty();
    }

    @Test
    void listsTheMutualGuaranteeWithinTheScope() {
        assertThat(Relationships.circles(bank.warehouse.queries(), D2, OrgScope.everything()))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.kind()).isEqualTo(GuaranteeCircles.Kind.MUTUAL);
                    assertThat(g.members()).containsExactly("P1", "P2");
                    assertThat(g.amount()).isEqualByComparingTo("70000.00");
                });
        assertThat(Relationships.circles(bank.warehouse.queries(), D2, b)).isEmpty();
    }
}
