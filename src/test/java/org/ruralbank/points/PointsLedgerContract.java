package org.ruralbank.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ruralbank.points.PointsLedger.BREAKAGE;
import static org.ruralbank.points.PointsLedger.ISSUANCE;
import static org.ruralbank.points.PointsLedger.REDEMPTION;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralbank.points.PointsLedger.Kind;
import org.ruralbank.points.PointsLedger.Outcome;
import org.ruralbank.points.PointsLedger.Transfer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The points ledger's contract, run on PostgreSQL and on H2: idempotent caller ids, precise refusals, holds,
 * reversals, lots consumed first-in first-out and expired across a year end, and the invariants after randomized
 * concurrent earn, hold, confirm, cancel, spend and refund sequences.
 */
abstract class PointsLedgerContract {

    static final LocalDate DAY = LocalDate.of(2025, 6, 30);
    static final LocalDate END_OF_2025 = LocalDate.of(2025, 12, 31);
    static final LocalDate END_OF_2026 = LocalDate.of(2026, 12, 31);

    @Autowired
    PointsLedger ledger;

    String cust;
    String account;

    @BeforeEach
    void customer() {
        cust = "P" + UUID.randomUUID().toString().substring(0, 12);
        account = PointsLedger.customerAccount(cust);
        ledger.openCustomer(cust, "/HO/B01/");
    }

    private String id() {
        return "t-" + UUID.randomUUID();
    }

    private Outcome earn(String id, long points, LocalDate expiresOn) {
        return ledger.transfer(Transfer.posted(id, ISSUANCE, account, points, expiresOn, "EARN", null, DAY));
    }

    private Outcome spend(String id, long points) {
        return ledger.transfer(Transfer.posted(id, account, REDEMPTION, points, null, "SPEND", null, DAY));
    }

    private long balance() {
        return ledger.balance(account).orElseThrow().balance();
    }

    @Test
    void aRetryWithTheSameIdPostsOnceAndOtherContentIsRefused() {
        String id = id();
        assertThat(earn(id, 100, END_OF_2025)).isEqualTo(Outcome.OK);
        assertThat(earn(id, 100, END_OF_2025)).isEqualTo(Outcome.EXISTS);
        assertThat(earn(id, 101, END_OF_2025)).isEqualTo(Outcome.EXISTS_WITH_DIFFERENT_CONTENT);
        assertThat(earn(id, 100, END_OF_2026)).isEqualTo(Outcome.EXISTS_WITH_DIFFERENT_CONTENT);
        assertThat(balance()).isEqualTo(100);
    }

    @Test
    void manyEarningsPostedTogetherAnswerAsEachAloneWould() {
        String other = "P" + UUID.randomUUID().toString().substring(0, 12);
        String missing = "P" + UUID.randomUUID().toString().substring(0, 12);
        ledger.openCustomers(java.util.Map.of(other, "/HO/B02/", cust, "/HO/B01/"));
        String first = id();
        assertThat(earn(first, 5, END_OF_2025)).isEqualTo(Outcome.OK);
        Transfer again = Transfer.posted(first, ISSUANCE, account, 5, END_OF_2025, "EARN", null, DAY);
        Transfer toOther = Transfer.posted(
                id(), ISSUANCE, PointsLedger.customerAccount(other), 70, END_OF_2026, "EARN", null, DAY);
        assertThat(ledger.transferAll(java.util.List.of(again, toOther)))
                .as("set-wise: the retry answered EXISTS, the new one posted")
                .containsExactly(Outcome.EXISTS, Outcome.OK);
        assertThat(balance()).isEqualTo(5);
        assertThat(ledger.balance(PointsLedger.customerAccount(other))
                        .orElseThrow()
                        .balance())
                .isEqualTo(70);
        assertThat(ledger.lots(PointsLedger.customerAccount(other)))
                .singleElement()
                .satisfies(l -> assertThat(l.expiresOn()).isEqualTo(END_OF_2026));
        // an account that does not exist and a credit without expiry: each answered as transfer() answers it
        Transfer toMissing = Transfer.posted(
                id(), ISSUANCE, PointsLedger.customerAccount(missing), 1, END_OF_2025, "EARN", null, DAY);
        Transfer noExpiry = Transfer.posted(id(), ISSUANCE, account, 1, null, "EARN", null, DAY);
        Transfer fine = Transfer.posted(id(), ISSUANCE, account, 3, END_OF_2025, "EARN", null, DAY);
        assertThat(ledger.transferAll(java.util.List.of(toMissing, noExpiry)))
                .containsExactly(Outcome.CREDIT_ACCOUNT_NOT_FOUND, Outcome.EXPIRY_REQUIRED);
        assertThat(ledger.transferAll(java.util.List.of(fine))).containsExactly(Outcome.OK);
        assertThat(balance()).isEqualTo(8);
        PointsLedger.Totals t = ledger.totals();
        assertThat(t.debitsPosted()).isEqualTo(t.creditsPosted());
        assertThat(t.lotsRemaining()).isEqualTo(t.customerBalances());
    }

    @Test
    void refusesPreciselyWhatCannotBePosted() {
        assertThat(earn(id(), 0, END_OF_2025)).isEqualTo(Outcome.POINTS_MUST_BE_POSITIVE);
        assertThat(ledger.transfer(Transfer.posted(id(), account, account, 1, END_OF_2025, "X", null, DAY)))
                .isEqualTo(Outcome.ACCOUNTS_MUST_BE_DIFFERENT);
        assertThat(ledger.transfer(Transfer.posted(id(), "C-nobody", REDEMPTION, 1, null, "X", null, DAY)))
                .isEqualTo(Outcome.DEBIT_ACCOUNT_NOT_FOUND);
        assertThat(ledger.transfer(Transfer.posted(id(), ISSUANCE, "C-nobody", 1, END_OF_2025, "X", null, DAY)))
                .isEqualTo(Outcome.CREDIT_ACCOUNT_NOT_FOUND);
        assertThat(earn(id(), 5, null)).isEqualTo(Outcome.EXPIRY_REQUIRED);
        assertThat(spend(id(), 1)).isEqualTo(Outcome.EXCEEDS_BALANCE);
        assertThat(ledger.reverse(id(), "none", DAY, "x")).isEqualTo(Outcome.ORIGINAL_NOT_FOUND);
        assertThat(ledger.resolve(id(), "none", Kind.POST, DAY)).isEqualTo(Outcome.PENDING_NOT_FOUND);
        assertThat(balance()).isZero();
    }

    @Test
    void spendingConsumesTheEarliestExpiringLotFirst() {
        String late = id();
        String early = id();
        earn(late, 300, END_OF_2026);
        earn(early, 200, END_OF_2025);
        assertThat(spend(id(), 250)).isEqualTo(Outcome.OK);
        assertThat(ledger.lots(account))
                .extracting(PointsLedger.Lot::lotId, PointsLedger.Lot::remaining)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(late, 250L));
        assertThat(balance()).isEqualTo(250);
    }

    @Test
    void lotsExpireAcrossTheYearEndFirstInFirstOut() {
        String old = id();
        String young = id();
        earn(old, 120, END_OF_2025);
        earn(young, 80, END_OF_2026);
        spend(id(), 50); // from the old lot: 70 of it left
        assertThat(ledger.expire(END_OF_2025))
                .as("nothing expires on its last day")
                .isZero();
        long expired = ledger.expire(LocalDate.of(2026, 1, 1));
        assertThat(expired).isGreaterThanOrEqualTo(70);
        assertThat(ledger.balance(account).orElseThrow().balance()).isEqualTo(80);
        assertThat(ledger.lots(account)).extracting(PointsLedger.Lot::lotId).containsExactly(young);
        assertThat(ledger.expire(LocalDate.of(2026, 1, 1)))
                .as("a second run of the date")
                .isZero();
        assertThat(ledger.find("X20260101-" + account).orElseThrow().points()).isEqualTo(70);
    }

    @Test
    void heldPointsDoNotExpireUntilTheHoldIsReleased() {
        earn(id(), 100, END_OF_2025);
        String hold = id();
        ledger.transfer(
                Transfer.hold(hold, account, REDEMPTION, 60, Instant.now().plusSeconds(600), "HOLD", null, DAY));
        ledger.expire(LocalDate.of(2026, 1, 1));
        assertThat(ledger.balance(account).orElseThrow().available()).isZero();
        assertThat(ledger.resolve(id(), hold, Kind.VOID, DAY)).isEqualTo(Outcome.OK);
        ledger.expire(LocalDate.of(2026, 1, 2));
        assertThat(balance()).isZero();
    }

    @Test
    void aHoldIsResolvedExactlyOnceAndNotAfterItsTimeout() {
        earn(id(), 100, END_OF_2025);
        String hold = id();
        assertThat(ledger.transfer(Transfer.hold(
                        hold, account, REDEMPTION, 70, Instant.now().plusSeconds(600), "HOLD", null, DAY)))
                .isEqualTo(Outcome.OK);
        assertThat(spend(id(), 31)).as("held points are not available").isEqualTo(Outcome.EXCEEDS_BALANCE);
        String post = id();
        assertThat(ledger.resolve(post, hold, Kind.POST, DAY)).isEqualTo(Outcome.OK);
        assertThat(ledger.resolve(post, hold, Kind.POST, DAY)).isEqualTo(Outcome.EXISTS);
        assertThat(ledger.resolve(id(), hold, Kind.VOID, DAY)).isEqualTo(Outcome.PENDING_ALREADY_RESOLVED);
        assertThat(balance()).isEqualTo(30);

        String late = id();
        ledger.transfer(
                Transfer.hold(late, account, REDEMPTION, 10, Instant.now().minusSeconds(1), "HOLD", null, DAY));
        assertThat(ledger.expiredHolds(Instant.now())).contains(late);
        assertThat(ledger.resolve(id(), late, Kind.POST, DAY)).isEqualTo(Outcome.PENDING_EXPIRED);
        assertThat(ledger.resolve(id(), late, Kind.EXPIRE, DAY)).isEqualTo(Outcome.OK);
        assertThat(ledger.balance(account).orElseThrow().available()).isEqualTo(30);
    }

    @Test
    void aRefundGivesThePointsBackToTheLotsTheyCameFrom() {
        String lot = id();
        earn(lot, 100, END_OF_2025);
        String spent = id();
        spend(spent, 40);
        String refund = id();
        assertThat(ledger.reverse(refund, spent, DAY, "refund")).isEqualTo(Outcome.OK);
        assertThat(ledger.reverse(refund, spent, DAY, "refund")).isEqualTo(Outcome.EXISTS);
        assertThat(ledger.reverse(id(), spent, DAY, "again")).isEqualTo(Outcome.ALREADY_REVERSED);
        assertThat(ledger.reverse(id(), refund, DAY, "of a reversal")).isEqualTo(Outcome.ORIGINAL_NOT_REVERSIBLE);
        assertThat(ledger.lots(account)).singleElement().satisfies(l -> {
            assertThat(l.lotId()).isEqualTo(lot);
            assertThat(l.remaining()).isEqualTo(100);
        });
    }

    @Test
    void anEarningIsReversedFromItsOwnLotAndNeverBelowZero() {
        String first = id();
        String second = id();
        earn(first, 50, END_OF_2025);
        earn(second, 30, END_OF_2026);
        assertThat(ledger.reverse(id(), second, DAY, "corrected")).isEqualTo(Outcome.OK);
        assertThat(ledger.lots(account)).extracting(PointsLedger.Lot::lotId).containsExactly(first);
        spend(id(), 40);
        assertThat(ledger.reverse(id(), first, DAY, "corrected")).isEqualTo(Outcome.EXCEEDS_BALANCE);
        assertThat(balance()).isEqualTo(10);
    }

    @Test
    void concurrentEarnHoldConfirmCancelSpendAndRefundKeepEveryInvariant() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String id = "R" + UUID.randomUUID().toString().substring(0, 12);
            ledger.openCustomer(id, "/HO/B01/");
            customers.add(PointsLedger.customerAccount(id));
        }
        Map<String, List<Outcome>> answers = new ConcurrentHashMap<>();
        List<String> holds = new CopyOnWriteArrayList<>();
        List<String> spends = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                Random r = new Random(worker * 7919L);
                for (int i = 0; i < 60; i++) {
                    String acct = customers.get(r.nextInt(customers.size()));
                    String id = "w" + worker + "-" + i + "-" + acct;
                    long pts = 1 + r.nextInt(120);
                    int dice = r.nextInt(100);
                    Outcome o;
                    if (dice < 25) {
                        o = ledger.transfer(Transfer.posted(
                                id,
                                ISSUANCE,
                                acct,
                                pts,
                                r.nextBoolean() ? END_OF_2025 : END_OF_2026,
                                "EARN",
                                null,
                                DAY));
                    } else if (dice < 45) {
                        o = ledger.transfer(Transfer.hold(
                                id, acct, REDEMPTION, pts, Instant.now().plusSeconds(600), "HOLD", null, DAY));
                        if (o == Outcome.OK) {
                            holds.add(id);
                        }
                    } else if (dice < 65 && !holds.isEmpty()) {
                        // confirm or cancel some hold, perhaps one another worker resolves at the same time
                        String hold = holds.get(r.nextInt(holds.size()));
                        o = ledger.resolve(
                                "r-" + hold + "-" + r.nextInt(2), hold, r.nextBoolean() ? Kind.POST : Kind.VOID, DAY);
                    } else if (dice < 85) {
                        o = ledger.transfer(Transfer.posted(id, acct, REDEMPTION, pts, null, "SPEND", null, DAY));
                        if (o == Outcome.OK) {
                            spends.add(id);
                        }
                    } else if (!spends.isEmpty()) {
                        String spent = spends.get(r.nextInt(spends.size()));
                        o = ledger.reverse("v-" + spent, spent, DAY, "refund");
                    } else {
                        continue;
                    }
                    answers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                            .add(o);
                    // a replay of the same call answers as a success or the same refusal, never posts twice
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        PointsLedger.Totals t = ledger.totals();
        assertThat(t.debitsPosted()).as("debits equal credits").isEqualTo(t.creditsPosted());
        assertThat(t.debitsPending()).isEqualTo(t.creditsPending());
        assertThat(t.lotsRemaining()).as("lots equal balances").isEqualTo(t.customerBalances());
        assertThat(t.negativeBalances()).isZero();
        for (String acct : customers) {
            PointsLedger.Balance b = ledger.balance(acct).orElseThrow();
            assertThat(b.available()).as(acct).isNotNegative();
            assertThat(ledger.lots(acct).stream()
                            .mapToLong(PointsLedger.Lot::remaining)
                            .sum())
                    .isEqualTo(b.balance());
        }
        // no hold resolved twice: each resolution of a hold is one transfer
        for (String hold : holds) {
            long resolutions = ledger.find("r-" + hold + "-0").isPresent() ? 1 : 0;
            resolutions += ledger.find("r-" + hold + "-1").isPresent() ? 1 : 0;
            assertThat(resolutions).as(hold).isLessThanOrEqualTo(1);
        }
        assertThat(answers).isNotEmpty();
        assertThat(ledger.balance(BREAKAGE)).isPresent();
    }
}
