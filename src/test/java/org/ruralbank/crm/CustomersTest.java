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
                .containsExactlyInAnyOrder("EMPLOYER←C1 4500.00", "GUARANTOR→P4 20000.00");
        assertThat(p3.payouts()).singleElement().satisfies(p -> {
            assertThat(p.bizType()).isEqualTo("PAYROLL");
            assertThat(p.amount()).isEqualByComparingTo("4500.00");
        });
        assertThat(p3.household()).isEmpty();
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
