package org.ruralbank.points;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.points.PointsLedger.Kind;
import org.ruralbank.points.PointsLedger.Outcome;
import org.ruralbank.points.PointsLedger.Transfer;
import org.ruralbank.points.internal.JdbcPartners;
import org.ruralbank.points.internal.JdbcPartners.Order;
import org.ruralbank.shared.Money;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners' orders that spend customers' points: holds of e-commerce partners (hold, confirm, cancel, refund) and
 * redemptions at the counters of alliance merchants, the customer named by card number and a one-time code.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>an order is the partner's order id: unique per partner by the database (its primary key), claimed before
 *       anything is posted, its answer stored in the transaction of its posting; a replay of the same request answers
 *       with the order as stored and posts nothing; the same order id with another request is refused
 *       ({@link Refusal#ORDER_ID_REUSED});</li>
 *   <li>concurrent holds and redemptions of one customer never spend more than it has: the ledger refuses
 *       ({@link Refusal#INSUFFICIENT_POINTS});</li>
 *   <li>a hold confirmed after it expired is refused ({@link Refusal#HOLD_EXPIRED}) and released; holds nobody
 *       resolves are released by themselves within a minute of their expiry;</li>
 *   <li>a merchant that left the alliance (or has not joined yet) is refused ({@link Refusal#NOT_A_MEMBER});</li>
 *   <li>a one-time code is used at most once, and only before it expires; a refused request still spends it;</li>
 *   <li>bad input is refused naming the field, and nothing is stored for it;</li>
 *   <li>a member of a household ({@link Households}) short of points spends the other members' too: the shortfall
 *       moves first to the member by {@code POOL} transfers (ids {@code Q<n>-<partner>-<order>}), taken from the
 *       other members in customer-id order, each at most its available points, and only when together they cover
 *       it; a cancelled, expired or refunded order gives the pooled points back by reversal ({@code U<n>-...}).</li>
 * </ul>
 * Lock order: the order row (claimed or {@code select ... for update}), then the ledger's accounts in account-number
 * order (for a household member all its household's accounts and the partner's, in one statement), then lots.
 */
@Service
public class Redemptions {

    public static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern CARD_NO = Pattern.compile("[0-9]{16,19}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final long MAX_POINTS = 10_000_000;
    private static final int HISTORY = 20;
    private static final Duration CODE_LIFE = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_INVALID = "the card's one-time code is wrong, expired or used";
    private static final String FEWER_POINTS = "the customer has fewer points available";

    private final JdbcPartners partners;
    private final PointsLedger ledger;
    private final Households households;
    private final Clock clock;
    private final TransactionTemplate tx;

    Redemptions(
            JdbcPartners partners,
            PointsLedger ledger,
            Households households,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.partners = partners;
        this.ledger = ledger;
        this.households = households;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Why an order is refused; each has its HTTP status. */
    public enum Refusal {
        BAD_REQUEST(400),
        NOT_A_MEMBER(403),
        WRONG_PARTNER_KIND(403),
        NOT_FOUND(404),
        ORDER_ID_REUSED(409),
        NOT_IN_THIS_STATE(409),
        CODE_INVALID(422),
        INSUFFICIENT_POINTS(422),
        HOLD_EXPIRED(422);

        public final int status;

        Refusal(int status) {
            this.status = status;
        }
    }

    /** An answer: its HTTP status and its JSON body. */
    public record Answer(int status, Map<String, Object> body) {}

    /** A request to hold or redeem: the fields as the partner sent them (text, unchecked). */
    public record Request(
            @Nullable String orderId,
            @Nullable String cardNo,
            @Nullable String code,
            @Nullable String points,
            @Nullable String holdSeconds) {}

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BANK_ZONE);
    }

    /** The points an amount in yuan costs at the partner's rate, and nothing more (no order, nothing stored). */
    public Answer quote(Partner p, @Nullable String amount) {
        Optional<Money> yuan = amount == null ? Optional.empty() : Money.tryParseYuan(amount);
        if (yuan.isEmpty() || yuan.get().fen() <= 0 || yuan.get().fen() > 100_000_000_00L) {
            return refused(null, Refusal.BAD_REQUEST, "amount: a positive yuan amount, at most 2 decimals");
        }
        long points = BigDecimal.valueOf(yuan.get().fen())
                .multiply(BigDecimal.valueOf(p.pointsPerYuan()))
                .divide(BigDecimal.valueOf(100), 0, Money.ROUNDING)
                .longValueExact();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", yuan.get().toYuanText());
        body.put("points", points);
        body.put("pointsPerYuan", p.pointsPerYuan());
        return new Answer(200, body);
    }

    /**
     * The customer's points as a partner shows them to the customer (its app, or the merchant's counter): balance,
     * available, what expires within a year, the lots with points left in the order they are spent, and the latest
     * {@value #HISTORY} movements. The customer is named by card number and one-time code, which the read uses up;
     * a partner outside the alliance on the day is refused. Nothing else is stored.
     */
    @Transactional
    public Answer points(Partner p, @Nullable String cardNo, @Nullable String code) {
        if (!CARD_NO.matcher(str(cardNo)).matches()) {
            return refused(null, Refusal.BAD_REQUEST, "cardNo: 16 to 19 digits");
        }
        if (!CODE.matcher(str(code)).matches()) {
            return refused(null, Refusal.BAD_REQUEST, "code: the customer's one-time code, 6 digits");
        }
        LocalDate today = today();
        if (!p.memberOn(today)) {
            return refused(null, Refusal.NOT_A_MEMBER, "not a member of the alliance on " + today);
        }
        Optional<String> cust =
                partners.useCode(str(cardNo), sha256(cardNo + ":" + code), p.partnerId() + "/points", clock.instant());
        if (cust.isEmpty()) {
            return refused(null, Refusal.CODE_INVALID, "the card's one-time code is wrong, expired or used");
        }
        String account = PointsLedger.customerAccount(cust.get());
        Optional<PointsLedger.Balance> balance = ledger.balance(account);
        List<PointsLedger.Lot> lots = balance.isEmpty() ? List.of() : ledger.lots(account);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", today.toString());
        body.put("balance", balance.map(PointsLedger.Balance::balance).orElse(0L));
        body.put("available", balance.map(PointsLedger.Balance::available).orElse(0L));
        body.put(
                "expiringWithinYear",
                lots.stream()
                        .filter(l -> !l.expiresOn().isAfter(today.plusYears(1)))
                        .mapToLong(PointsLedger.Lot::remaining)
                        .sum());
        List<Map<String, Object>> lotRows = new ArrayList<>();
        for (PointsLedger.Lot l : lots) {
            lotRows.add(Map.of("expiresOn", l.expiresOn().toString(), "points", l.remaining()));
        }
        body.put("lots", lotRows);
        List<Map<String, Object>> history = new ArrayList<>();
        for (PointsLedger.Transfer t :
                balance.isEmpty() ? List.<PointsLedger.Transfer>of() : ledger.history(account, HISTORY)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", t.businessDate().toString());
            row.put("code", t.code());
            row.put("kind", t.kind().name());
            row.put("points", t.creditAccount().equals(account) ? t.points() : -t.points());
            history.add(row);
        }
        body.put("history", history);
        return new Answer(200, body);
    }

    /** Holds points for an e-commerce partner's order until it confirms or cancels it, or the hold expires. */
    @Transactional
    public Answer hold(Partner p, Request r) {
        Checked c = check(p, r, true);
        return c.refusal() != null ? c.refusal() : order(p, r, c, true);
    }

    /** Redeems points at an alliance merchant's counter: posted at once. */
    public Answer redeem(Partner p, Request r) {
        return redeem(p, r, null);
    }

    /**
     * Redeems points at an alliance merchant's counter: posted at once. {@code nonce} is the signed request's nonce
     * not recorded yet (null: recorded already, or none), recorded here before anything else is done; a nonce used
     * before throws {@link ReplayedNonce} and nothing is done. On PostgreSQL the redemption of a customer outside a
     * household is one call of the database ({@link JdbcPartners#redeem}: the nonce, the order's claim, the code's
     * use, the posting and the answer in one statement and one transaction, with the same guarantees and lock order
     * as statement by statement); elsewhere, and for a household's member (who may pool), statement by statement in
     * one transaction.
     */
    public Answer redeem(Partner p, Request r, @Nullable String nonce) {
        Checked c = check(p, r, false);
        if (c.refusal() == null && partners.oneCall()) {
            Answer a = redeemInOneCall(p, r, c, nonce);
            if (a != null) {
                return a;
            }
        }
        if (nonce != null && !partners.nonce(p.partnerId(), nonce, clock.instant())) {
            throw new ReplayedNonce(nonce);
        }
        if (c.refusal() != null) {
            return c.refusal();
        }
        return Objects.requireNonNull(tx.execute(s -> order(p, r, c, false)));
    }

    /** A request's nonce was used before: the request is refused and nothing is done. */
    public static final class ReplayedNonce extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplayedNonce(String nonce) {
            super("nonce " + nonce + " was already used");
        }
    }

    /**
     * An order request checked without the store: its refusal (bad input, the wrong kind of partner, not a member
     * on the day), or its values.
     */
    private record Checked(
            @Nullable Answer refusal, String orderId, long points, long seconds, String digest, LocalDate today) {

        static Checked refused(Answer refusal) {
            return new Checked(refusal, "", 0, 0, "", LocalDate.MIN);
        }
    }

    private Checked check(Partner p, Request r, boolean hold) {
        String problem = !ORDER_ID.matcher(str(r.orderId())).matches()
                ? "orderId: 1 to 40 characters A-Z a-z 0-9 _ -"
                : !CARD_NO.matcher(str(r.cardNo())).matches()
                        ? "cardNo: 16 to 19 digits"
                        : !CODE.matcher(str(r.code())).matches()
                                ? "code: the customer's one-time code, 6 digits"
                                : Fields.whole(r.points(), 1, MAX_POINTS) == null
                                        ? "points: a whole number from 1 to " + MAX_POINTS
                                        : hold
                                                        && Fields.whole(
                                                                        r.holdSeconds() == null
                                                                                ? "900"
                                                                                : r.holdSeconds(),
                                                                        30,
                                                                        3600)
                                                                == null
                                                ? "holdSeconds: 30 to 3600"
                                                : null;
        if (problem != null) {
            return Checked.refused(refused(null, Refusal.BAD_REQUEST, problem));
        }
        if (!p.kind().equals(hold ? "ONLINE" : "MERCHANT")) {
            return Checked.refused(refused(
                    null,
                    Refusal.WRONG_PARTNER_KIND,
                    hold ? "holds are for online partners" : "counter redemptions are for alliance merchants"));
        }
        LocalDate today = today();
        if (!p.memberOn(today)) {
            return Checked.refused(refused(null, Refusal.NOT_A_MEMBER, "not a member of the alliance on " + today));
        }
        long points = Long.parseLong(str(r.points()));
        long seconds = hold ? Long.parseLong(r.holdSeconds() == null ? "900" : r.holdSeconds()) : 0;
        String digest = sha256(
                (hold ? "HOLD" : "REDEEM") + "\n" + r.cardNo() + "\n" + r.code() + "\n" + points + "\n" + seconds);
        return new Checked(null, str(r.orderId()), points, seconds, digest, today);
    }

    /**
     * The counter redemption as one call of the database (see {@link #redeem}), its answers worded here as {@link
     * #store} words them; null when the customer is in a household (nothing done, not even the nonce recorded).
     */
    private @Nullable Answer redeemInOneCall(Partner p, Request r, Checked c, @Nullable String nonce) {
        String orderId = c.orderId();
        Map<String, Object> redeemed = answer(p, orderId, "REDEEMED", c.points(), null, null, null);
        Map<String, Object> codeRefusal =
                answer(p, orderId, "REFUSED", c.points(), Refusal.CODE_INVALID, CODE_INVALID, null);
        Map<String, Object> pointsRefusal =
                answer(p, orderId, "REFUSED", c.points(), Refusal.INSUFFICIENT_POINTS, FEWER_POINTS, null);
        JdbcPartners.Redeemed x = partners.redeem(new JdbcPartners.Redemption(
                p.partnerId(),
                nonce,
                orderId,
                c.digest(),
                c.points(),
                str(r.cardNo()),
                sha256(r.cardNo() + ":" + r.code()),
                p.partnerId() + "/" + orderId,
                p.accountNo(),
                "S-" + p.partnerId() + "-" + orderId,
                c.today(),
                JsonMapper.shared().writeValueAsString(redeemed),
                JsonMapper.shared().writeValueAsString(codeRefusal),
                JsonMapper.shared().writeValueAsString(pointsRefusal)));
        return switch (x.outcome()) {
            case "HOUSEHOLD" -> null;
            case "REPLAYED_NONCE" -> throw new ReplayedNonce(String.valueOf(nonce));
            case "EARLIER" ->
                c.digest().equals(x.storedDigest())
                        ? stored(Objects.requireNonNull(x.answer()))
                        : refused(
                                null, Refusal.ORDER_ID_REUSED, "order " + orderId + " was placed with another request");
            case "CODE_INVALID" -> new Answer(Refusal.CODE_INVALID.status, codeRefusal);
            case "INSUFFICIENT_POINTS" -> new Answer(Refusal.INSUFFICIENT_POINTS.status, pointsRefusal);
            case "REDEEMED" -> new Answer(200, redeemed);
            default -> throw new IllegalStateException("pt_redeem answered " + x.outcome());
        };
    }

    private Answer order(Partner p, Request r, Checked c, boolean hold) {
        String orderId = c.orderId();
        long points = c.points();
        long seconds = c.seconds();
        String digest = c.digest();
        LocalDate today = c.today();
        if (!partners.claim(p.partnerId(), orderId, digest, points)) {
            Order o = partners.lock(p.partnerId(), orderId).orElseThrow();
            return o.requestDigest().equals(digest)
                    ? stored(o.answer())
                    : refused(null, Refusal.ORDER_ID_REUSED, "order " + orderId + " was placed with another request");
        }
        Optional<String> cust = partners.useCode(
                str(r.cardNo()), sha256(r.cardNo() + ":" + r.code()), p.partnerId() + "/" + orderId, clock.instant());
        if (cust.isEmpty()) {
            return store(p, orderId, null, "REFUSED", null, points, Refusal.CODE_INVALID, CODE_INVALID, null);
        }
        String id = (hold ? "H-" : "S-") + p.partnerId() + "-" + orderId;
        String account = PointsLedger.customerAccount(cust.get());
        Instant until = clock.instant().plusSeconds(seconds);
        pool(p, orderId, cust.get(), points, today);
        Outcome o = hold
                ? ledger.transfer(Transfer.hold(id, account, p.accountNo(), points, until, "HOLD", orderId, today))
                : ledger.transfer(Transfer.posted(id, account, p.accountNo(), points, null, "REDEEM", orderId, today));
        if (!o.succeeded()) {
            unpool(p, orderId);
            return store(
                    p, orderId, cust.get(), "REFUSED", null, points, Refusal.INSUFFICIENT_POINTS, FEWER_POINTS, null);
        }
        return store(p, orderId, cust.get(), hold ? "HELD" : "REDEEMED", id, points, null, null, hold ? until : null);
    }

    /** Confirms a held order: the points are spent. */
    @Transactional
    public Answer confirm(Partner p, String orderId) {
        return change(p, orderId, "HELD", "CONFIRMED", o -> {
            Outcome r = ledger.resolve("P-" + p.partnerId() + "-" + orderId, o.transferId(), Kind.POST, today());
            if (r == Outcome.PENDING_EXPIRED) {
                ledger.resolve("T-" + p.partnerId() + "-" + orderId, o.transferId(), Kind.EXPIRE, today());
                unpool(p, orderId);
                return store(
                        p,
                        orderId,
                        o.custId(),
                        "EXPIRED",
                        o.transferId(),
                        o.points(),
                        Refusal.HOLD_EXPIRED,
                        "the hold expired before it was confirmed",
                        null);
            }
            return null;
        });
    }

    /** Cancels a held order: the points are released. */
    @Transactional
    public Answer cancel(Partner p, String orderId) {
        return change(p, orderId, "HELD", "CANCELLED", o -> {
            ledger.resolve("V-" + p.partnerId() + "-" + orderId, o.transferId(), Kind.VOID, today());
            unpool(p, orderId);
            return null;
        });
    }

    /** Refunds a confirmed or redeemed order: the points go back to the lots they came from. */
    @Transactional
    public Answer refund(Partner p, String orderId) {
        return change(p, orderId, p.kind().equals("ONLINE") ? "CONFIRMED" : "REDEEMED", "REFUNDED", o -> {
            Outcome r = ledger.reverse("R-" + p.partnerId() + "-" + orderId, o.transferId(), today(), "refund");
            if (!r.succeeded()) {
                throw new IllegalStateException("refund of " + o.transferId() + ": " + r);
            }
            unpool(p, orderId);
            return null;
        });
    }

    /** The order as stored. */
    @Transactional
    public Answer status(Partner p, String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            return refused(null, Refusal.BAD_REQUEST, "orderId: 1 to 40 characters A-Z a-z 0-9 _ -");
        }
        return partners.lock(p.partnerId(), orderId)
                .map(o -> stored(o.answer()))
                .orElseGet(() -> refused(orderId, Refusal.NOT_FOUND, "no order " + orderId));
    }

    private interface Step {
        @Nullable
        Answer apply(Order o);
    }

    private Answer change(Partner p, String orderId, String from, String to, Step step) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            return refused(null, Refusal.BAD_REQUEST, "orderId: 1 to 40 characters A-Z a-z 0-9 _ -");
        }
        Optional<Order> found = partners.lock(p.partnerId(), orderId);
        if (found.isEmpty()) {
            return refused(orderId, Refusal.NOT_FOUND, "no order " + orderId);
        }
        Order o = found.get();
        if (o.status().equals(to)) {
            return stored(o.answer());
        }
        if (!o.status().equals(from) || o.transferId() == null) {
            return refused(orderId, Refusal.NOT_IN_THIS_STATE, "order " + orderId + " is " + o.status());
        }
        lockHousehold(o.custId(), p);
        Answer early = step.apply(o);
        if (early != null) {
            return early;
        }
        // a confirmed order names its posting (what a refund reverses); the others keep the transfer they name
        String transfer = to.equals("CONFIRMED") ? "P-" + p.partnerId() + "-" + orderId : o.transferId();
        return store(p, orderId, o.custId(), to, transfer, o.points(), null, null, null);
    }

    /**
     * Locks the accounts of the customer's household and the partner's, in account-number order, when the customer
     * is in a household; returns the members (empty: none, and nothing locked here).
     */
    private List<String> lockHousehold(@Nullable String custId, Partner p) {
        List<String> members = custId == null ? List.of() : households.members(custId);
        if (!members.isEmpty()) {
            List<String> accounts = new ArrayList<>();
            members.forEach(m -> accounts.add(PointsLedger.customerAccount(m)));
            accounts.add(p.accountNo());
            ledger.lock(accounts);
        }
        return members;
    }

    private long available(String custId) {
        return ledger.balance(PointsLedger.customerAccount(custId))
                .map(PointsLedger.Balance::available)
                .orElse(0L);
    }

    /** Moves a household member's shortfall from the other members, when together they cover it. */
    private void pool(Partner p, String orderId, String custId, long points, LocalDate today) {
        List<String> members = lockHousehold(custId, p);
        long shortfall = points - available(custId);
        List<String> others = members.stream().filter(m -> !m.equals(custId)).toList();
        if (shortfall <= 0 || others.stream().mapToLong(this::available).sum() < shortfall) {
            return;
        }
        int n = 0;
        for (String member : others) {
            long take = Math.min(available(member), shortfall);
            if (take <= 0) {
                continue;
            }
            String from = PointsLedger.customerAccount(member);
            LocalDate expiry = ledger.lots(from).get(0).expiresOn();
            Outcome o = ledger.transfer(Transfer.posted(
                    poolId('Q', ++n, p, orderId),
                    from,
                    PointsLedger.customerAccount(custId),
                    take,
                    expiry,
                    "POOL",
                    orderId,
                    today));
            if (!o.succeeded()) {
                throw new IllegalStateException("pooling from " + member + " refused: " + o);
            }
            shortfall -= take;
            if (shortfall == 0) {
                return;
            }
        }
    }

    /**
     * Gives an order's pooled points back to the members they came from (a reversal each); points the spender has
     * spent meanwhile stay spent, and the pooled rest stays with it.
     */
    private void unpool(Partner p, String orderId) {
        for (int n = 1; n < Households.MAX_MEMBERS; n++) {
            String pooled = poolId('Q', n, p, orderId);
            if (ledger.find(pooled).isEmpty()) {
                return;
            }
            ledger.reverse(poolId('U', n, p, orderId), pooled, today(), "unpooled");
        }
    }

    /** The id of a pooled transfer (Q) or its reversal (U): at most 3 + 20 + 1 + 40 = 64 characters. */
    private static String poolId(char letter, int n, Partner p, String orderId) {
        return letter + String.valueOf(n) + "-" + p.partnerId() + "-" + orderId;
    }

    /** Releases the holds whose time is up (every minute). */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public void releaseExpiredHolds() {
        for (String hold : ledger.expiredHolds(clock.instant())) {
            tx.executeWithoutResult(s -> partners.orderOfTransfer(hold).ifPresent(key -> {
                Order o = partners.lock(key[0], key[1]).orElseThrow();
                if (o.status().equals("HELD")) {
                    Partner p = partners.find(key[0]).orElseThrow();
                    lockHousehold(o.custId(), p);
                    ledger.resolve("T-" + key[0] + "-" + key[1], hold, Kind.EXPIRE, today());
                    unpool(p, key[1]);
                    store(p, key[1], o.custId(), "EXPIRED", hold, o.points(), null, null, null);
                }
            }));
        }
    }

    /**
     * Issues a one-time code for a card (as the SMS to the card's holder would carry it): valid for ten minutes,
     * once. Returns the code; only its digest is kept.
     */
    @Transactional
    public String issueCode(String cardNo, String custId) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        partners.issueCode(
                cardNo, custId, sha256(cardNo + ":" + code), clock.instant().plus(CODE_LIFE));
        return code;
    }

    private Answer store(
            Partner p,
            String orderId,
            @Nullable String custId,
            String status,
            @Nullable String transferId,
            long points,
            @Nullable Refusal refusal,
            @Nullable String detail,
            @Nullable Instant holdUntil) {
        Map<String, Object> body = answer(p, orderId, status, points, refusal, detail, holdUntil);
        partners.answer(
                p.partnerId(),
                orderId,
                custId,
                status,
                transferId,
                JsonMapper.shared().writeValueAsString(body));
        return new Answer(refusal == null ? 200 : refusal.status, body);
    }

    /** The body of an order's answer, as stored with the order. */
    private static Map<String, Object> answer(
            Partner p,
            String orderId,
            String status,
            long points,
            @Nullable Refusal refusal,
            @Nullable String detail,
            @Nullable Instant holdUntil) {
        Map<String, Object> body = body(orderId, status, points, refusal, detail);
        if (holdUntil != null) {
            body.put("holdUntil", holdUntil.toString());
        }
        if (refusal == null && !status.equals("HELD")) {
            body.put(
                    "value",
                    Money.ofFen(BigDecimal.valueOf(points)
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(BigDecimal.valueOf(p.pointsPerYuan()), 0, Money.ROUNDING)
                                    .longValueExact())
                            .toYuanText());
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private Answer stored(String answer) {
        Map<String, Object> body = new LinkedHashMap<>(JsonMapper.shared().readValue(answer, Map.class));
        body.put("replay", true);
        Object refusal = body.get("refusal");
        return new Answer(refusal == null ? 200 : Refusal.valueOf(refusal.toString()).status, body);
    }

    private static Answer refused(@Nullable String orderId, Refusal refusal, String detail) {
        return new Answer(refusal.status, body(orderId, "REFUSED", 0, refusal, detail));
    }

    private static Map<String, Object> body(
            @Nullable String orderId, String status, long points, @Nullable Refusal refusal, @Nullable String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (orderId != null) {
            body.put("orderId", orderId);
        }
        body.put("status", status);
        body.put("points", points);
        if (refusal != null) {
            body.put("refusal", refusal.name());
            body.put("detail", detail);
        }
        return body;
    }

    private static String str(@Nullable String s) {
        return s == null ? "" : s;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
