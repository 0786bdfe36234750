package org.ruralbank.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ruralbank.appraisal.internal.JdbcClaims;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.testing.OnPostgres;
import org.ruralbank.testing.TestBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claim shares under concurrent edits on PostgreSQL: many branch heads approving claims of one object at once never
 * take it over 100% on any day, and the database itself refuses a total over 100%.
 */
@OnPostgres
class ClaimsConcurrencyOnPostgresTest {

    static final int THREADS = 12;

    @Autowired
    ApplicationContext ctx;

    @Autowired
    Claims claims;

    @Autowired
    JdbcClaims store;

    @Autowired
    JdbcClient db;

    @Test
    void concurrentApprovalsNeverTakeAnObjectOverOneHundredPercent() throws Exception {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("并发支行");
        String object = bank.uniqueId("ACC");
        store.ensureObject(CreditKind.DEPOSIT, object, branch.orgId(), branch.path());
        // twelve pending claims of 30% with overlapping spans: at most three fit on any day
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            LocalDate from = LocalDate.of(2025, 1, 1).plusDays(i * 10L);
            ids.add(store.insertClaim(
                    CreditKind.DEPOSIT,
                    object,
                    branch.path(),
                    "S" + i,
                    new BigDecimal("0.300000"),
                    from,
                    i % 2 == 0 ? Claim.OPEN_END : from.plusDays(40),
                    "PENDING",
                    "CLAIM",
                    null,
                    "cm" + i,
                    OffsetDateTime.now(),
                    null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ClaimOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            long id = ids.get(i);
            StaffPrincipal head = new StaffPrincipal(
                    1000 + i,
                    "head" + i,
                    "行长" + i,
                    branch.orgId(),
                    branch.path(),
                    null,
                    Set.of(Role.BRANCH_HEAD),
                    DataScope.ORG_AND_BELOW);
            outcomes.add(pool.submit(() -> {
                start.await();
                return claims.approve(id, head);
            }));
        }
        start.countDown();
        int approved = 0;
        int refused = 0;
        for (Future<ClaimOutcome> f : outcomes) {
            ClaimOutcome o = f.get();
            if (o instanceof ClaimOutcome.Done) {
                approved++;
            } else {
                assertThat(((ClaimOutcome.Refused) o).reason()).isEqualTo(ClaimRefusal.OVER_FULL);
                refused++;
            }
        }
        pool.shutdown();
        assertThat(approved + refused).isEqualTo(THREADS);
        assertThat(approved).isGreaterThanOrEqualTo(3);
        // on every day, the approved claims sum to at most 100%, and the spans hold exactly that sum
        List<Claim> all = store.claimsOf(CreditKind.DEPOSIT, object);
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2025, 6, 1)); d = d.plusDays(1)) {
            LocalDate day = d;
            BigDecimal sum = all.stream()
                    .filter(c -> c.status().equals("APPROVED")
                            && !c.validFrom().isAfter(day)
                            && !c.validTo().isBefore(day))
                    .map(Claim::share)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("approved shares on %s", day).isLessThanOrEqualTo(BigDecimal.ONE);
            BigDecimal span = db.sql("select share_total from credit_span where object_kind = 'DEPOSIT' and "
                            + "object_id = :i and valid_from <= :d and valid_to >= :d")
                    .param("i", object)
                    .param("d", day)
                    .query(BigDecimal.class)
                    .single();
            assertThat(span).as("span total on %s", day).isEqualByComparingTo(sum);
        }
    }

    @Test
    void databaseRefusesATotalOverOneHundredPercent() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("约束支行");
        String object = bank.uniqueId("ACC");
        store.ensureObject(CreditKind.DEPOSIT, object, branch.orgId(), branch.path());
        assertThatThrownBy(() -> db.sql("update credit_span set share_total = 1.000001 where object_id = :i")
                        .param("i", object)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesAnApprovalOverOneHundredPercentNamingTheDayAndTotal() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("超额支行");
        String object = bank.uniqueId("ACC");
        store.ensureObject(CreditKind.LOAN, object, branch.orgId(), branch.path());
        long a = store.insertClaim(
                CreditKind.LOAN,
                object,
                branch.path(),
                "S1",
                new BigDecimal("0.700000"),
                LocalDate.of(2025, 1, 1),
                Claim.OPEN_END,
                "PENDING",
                "CLAIM",
                null,
                "cm1",
                OffsetDateTime.now(),
                null);
        long b = store.insertClaim(
                CreditKind.LOAN,
                object,
                branch.path(),
                "S2",
                new BigDecimal("0.400000"),
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31),
                "PENDING",
                "CLAIM",
                null,
                "cm2",
                OffsetDateTime.now(),
                null);
        StaffPrincipal head = new StaffPrincipal(
                2000,
                "head",
                "行长",
                branch.orgId(),
                branch.path(),
                null,
                Set.of(Role.BRANCH_HEAD),
                DataScope.ORG_AND_BELOW);
        assertThat(claims.approve(a, head)).isInstanceOf(ClaimOutcome.Done.class);
        ClaimOutcome second = claims.approve(b, head);
        assertThat(second)
                .isEqualTo(new ClaimOutcome.Refused(
                        ClaimRefusal.OVER_FULL,
                        "share",
                        List.of(CreditKind.LOAN, object, LocalDate.of(2025, 3, 1), "110")));
        assertThat(store.claim(b).orElseThrow().status()).isEqualTo("PENDING");
    }

    @Test
    void makerCannotApproveTheirOwnClaimAndAHandOverMovesApprovedClaims() {
        TestBank bank = new TestBank(ctx);
        Org branch = bank.branch("交接支行");
        String object = bank.uniqueId("CUS");
        store.ensureObject(CreditKind.CUSTOMER, object, branch.orgId(), branch.path());
        long a = store.insertClaim(
                CreditKind.CUSTOMER,
                object,
                branch.path(),
                "OLD",
                new BigDecimal("0.600000"),
                LocalDate.of(2025, 1, 1),
                Claim.OPEN_END,
                "PENDING",
                "CLAIM",
                null,
                "head",
                OffsetDateTime.now(),
                null);
        StaffPrincipal head = new StaffPrincipal(
                3000,
                "head",
                "行长",
                branch.orgId(),
                branch.path(),
                null,
                Set.of(Role.BRANCH_HEAD),
                DataScope.ORG_AND_BELOW);
        assertThat(((ClaimOutcome.Refused) claims.approve(a, head)).reason()).isEqualTo(ClaimRefusal.SAME_PERSON);
        StaffPrincipal other = new StaffPrincipal(
                3001,
                "head2",
                "行长",
                branch.orgId(),
                branch.path(),
                null,
                Set.of(Role.BRANCH_HEAD),
                DataScope.ORG_AND_BELOW);
        assertThat(claims.approve(a, other)).isInstanceOf(ClaimOutcome.Done.class);
        HandOver h = claims.handOver(
                "OLD",
                Map.of("NEW1", new BigDecimal("0.5"), "NEW2", new BigDecimal("0.5")),
                LocalDate.of(2025, 7, 1),
                List.of(),
                "crm");
        assertThat(h).isInstanceOf(HandOver.Done.class);
        List<Claim> history = store.claimsOf(CreditKind.CUSTOMER, object);
        assertThat(history)
                .extracting(
                        c -> c.staffId() + " " + c.share().stripTrailingZeros().toPlainString() + " " + c.validFrom()
                                + ".." + c.validTo() + " " + c.status())
                .containsExactlyInAnyOrder(
                        "OLD 0.6 2025-01-01..2025-06-30 APPROVED",
                        "NEW1 0.3 2025-07-01..9999-12-31 APPROVED",
                        "NEW2 0.3 2025-07-01..9999-12-31 APPROVED");
        assertThat(claims.handOver(
                        "OLD", Map.of("NEW1", new BigDecimal("0.6")), LocalDate.of(2025, 7, 1), List.of(), "crm"))
                .isInstanceOf(HandOver.Refused.class);
    }
}
