package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.internal.JdbcClaims;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.ReferenceData;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims of credit (认领), their approval by the branch head, disputes and hand-overs.
 *
 * <p>Guarantees:
 * <ul>
 * <li>The approved shares of an object never sum to more than 100% on any day. The database enforces it (the check
 * constraint of {@code credit_span}, kept by {@link JdbcClaims#addShare}); a refused change leaves nothing behind.
 * Changes of one object are serialized by the lock of its {@code credit_object} row; a hand-over locks its objects
 * in (kind, id) order, so two hand-overs cannot deadlock.</li>
 * <li>A claim whose share, with the approved shares and the other undecided claims of the object over its dates,
 * would pass 100% is not refused: it opens (or joins) the object's dispute, with those undecided claims, for the
 * branch head to settle. A single claim over 100% is refused.</li>
 * <li>A claim is approved by someone other than its maker whose scope covers the object; nobody edits an approved
 * claim: ending one shortens its span, a settlement or hand-over adds new claims. Every change is audited.</li>
 * </ul>
 */
@Service
public class Claims implements ReferenceData {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClaims store;
    private final Warehouse warehouse;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    Claims(
            JdbcClaims store,
            Warehouse warehouse,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.warehouse = warehouse;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * A claim of {@code share} of an object for {@code staffId} from {@code from} to {@code to} (null: open),
     * submitted by {@code maker}: PENDING, or DISPUTED when it conflicts with other claims.
     */
    public ClaimOutcome submit(
            CreditKind kind,
            String objectId,
            String staffId,
            BigDecimal share,
            LocalDate from,
            @Nullable LocalDate to,
            @Nullable String reason,
            StaffPrincipal maker) {
        LocalDate end = to == null ? Claim.OPEN_END : to;
        Optional<ClaimOutcome> bad = checkShare(share, "share");
        if (bad.isPresent()) {
            return bad.get();
        }
        if (end.isBefore(from)) {
            return refused(ClaimRefusal.BAD_DATES, "validTo", from, end);
        }
        if (staffId.isBlank()) {
            return refused(ClaimRefusal.BAD_STAFF, "staffId");
        }
        Optional<Credits.CreditObject> object = warehouse
                .queries()
                .named("appraisal/credit_object")
                .bind("object_kind", kind.name())
                .bind("object_id", objectId)
                .first(Credits.CreditObject.class)
                .filter(o -> maker.scope().covers(o.orgPath()));
        if (object.isEmpty()) {
            return refused(ClaimRefusal.UNKNOWN_OBJECT, "objectId", kind, objectId);
        }
        Credits.CreditObject o = object.get();
        store.ensureObject(kind, objectId, o.orgId(), o.orgPath());
        return inTransaction(() -> {
            store.lock(kind, objectId);
            OffsetDateTime now = now();
            long id = store.insertClaim(
                    kind,
                    objectId,
                    o.orgPath(),
                    staffId.strip(),
                    share,
                    from,
                    end,
                    "PENDING",
                    "CLAIM",
                    reason,
                    maker.username(),
                    now,
                    null);
            BigDecimal taken = store.highestTotal(kind, objectId, from, end)
                    .add(store.undecidedShares(kind, objectId, from, end, id));
            Long dispute = null;
            String status = "PENDING";
            if (taken.add(share).compareTo(BigDecimal.ONE) > 0) {
                dispute = store.openDispute(kind, objectId, o.orgPath(), now);
                store.joinDispute(dispute, kind, objectId, from, end, id);
                status = "DISPUTED";
            }
            audit.record(
                    "appraisal.claim.submit",
                    "credit_claim",
                    Long.toString(id),
                    Map.of(),
                    claimState(kind, objectId, staffId, share, from, end, status));
            return new ClaimOutcome.Done(id, status, dispute);
        });
    }

    /** Approves a pending claim; refused when it would take the object over 100% on some day. */
    public ClaimOutcome approve(long claimId, StaffPrincipal checker) {
        Optional<Claim> found = visible(claimId, checker.scope());
        if (found.isEmpty()) {
            return refused(ClaimRefusal.NOT_FOUND, "", claimId);
        }
        Claim c = found.get();
        if (c.maker().equals(checker.username())) {
            return refused(ClaimRefusal.SAME_PERSON, "", claimId);
        }
        return inTransaction(() -> {
            store.lock(c.objectKind(), c.objectId());
            Claim now = store.claim(claimId).orElseThrow();
            if (!now.status().equals("PENDING")) {
                throw new Refusal(ClaimRefusal.WRONG_STATE, "", claimId, now.status());
            }
            add(now, now.validFrom(), now.validTo(), now.share());
            store.decide(claimId, "APPROVED", null, checker.username(), now());
            audit.record(
                    "appraisal.claim.approve",
                    "credit_claim",
                    Long.toString(claimId),
                    Map.of("status", now.status()),
                    Map.of("status", "APPROVED", "share", now.share()));
            return new ClaimOutcome.Done(claimId, "APPROVED", null);
        });
    }

    /** Rejects a pending claim. */
    public ClaimOutcome reject(long claimId, @Nullable String reason, StaffPrincipal checker) {
        Optional<Claim> found = visible(claimId, checker.scope());
        if (found.isEmpty()) {
            return refused(ClaimRefusal.NOT_FOUND, "", claimId);
        }
        Claim c = found.get();
        return inTransaction(() -> {
            store.lock(c.objectKind(), c.objectId());
            Claim now = store.claim(claimId).orElseThrow();
            if (!now.status().equals("PENDING")) {
                throw new Refusal(ClaimRefusal.WRONG_STATE, "", claimId, now.status());
            }
            store.decide(claimId, "REJECTED", null, checker.username(), now());
            audit.record(
                    "appraisal.claim.reject",
                    "credit_claim",
                    Long.toString(claimId),
                    Map.of("status", now.status()),
                    Map.of("status", "REJECTED", "reason", reason == null ? "" : reason));
            return new ClaimOutcome.Done(claimId, "REJECTED", null);
        });
    }

    /**
     * Settles a dispute: each disputed claim gets the share of {@code shares} (0 rejects it), and each approved claim
     * of the object in force on or after {@code effective} whose share differs ends the day before and is replaced
     * by a SETTLEMENT claim of its new share (0: ended). Refused whole when a day would pass 100%.
     */
    public ClaimOutcome settle(
            long disputeId,
            Map<Long, BigDecimal> shares,
            LocalDate effective,
            @Nullable String note,
            StaffPrincipal checker) {
        Optional<Dispute> found =
                store.dispute(disputeId).filter(d -> checker.scope().covers(d.orgPath()));
        if (found.isEmpty()) {
            return refused(ClaimRefusal.NOT_FOUND, "", disputeId);
        }
        for (Map.Entry<Long, BigDecimal> e : shares.entrySet()) {
            if (e.getValue().signum() != 0) {
                Optional<ClaimOutcome> bad = checkShare(e.getValue(), "share_" + e.getKey());
                if (bad.isPresent()) {
                    return bad.get();
                }
            }
        }
        Dispute d = found.get();
        return inTransaction(() -> {
            store.lock(d.objectKind(), d.objectId());
            Dispute now = store.dispute(disputeId).orElseThrow();
            if (!now.status().equals("OPEN")) {
                throw new Refusal(ClaimRefusal.WRONG_STATE, "", disputeId, now.status());
            }
            OffsetDateTime at = now();
            List<Runnable> additions = new ArrayList<>();
            for (Claim c : now.claims()) {
                BigDecimal s = shares.get(c.claimId());
                if (c.status().equals("APPROVED")) {
                    if (s == null || s.compareTo(c.share()) == 0 || c.validTo().isBefore(effective)) {
                        continue;
                    }
                    LocalDate start = c.validFrom().isAfter(effective) ? c.validFrom() : effective;
                    store.addShare(
                            c.objectKind(),
                            c.objectId(),
                            start,
                            c.validTo(),
                            c.share().negate());
                    store.end(c, effective.minusDays(1));
                    if (s.signum() > 0) {
                        additions.add(() -> {
                            add(c, start, c.validTo(), s);
                            long id = store.insertClaim(
                                    c.objectKind(),
                                    c.objectId(),
                                    c.orgPath(),
                                    c.staffId(),
                                    s,
                                    start,
                                    c.validTo(),
                                    "APPROVED",
                                    "SETTLEMENT",
                                    note,
                                    checker.username(),
                                    at,
                                    checker.username());
                            audit.record(
                                    "appraisal.claim.settle",
                                    "credit_claim",
                                    Long.toString(id),
                                    Map.of(),
                                    claimState(
                                            c.objectKind(),
                                            c.objectId(),
                                            c.staffId(),
                                            s,
                                            start,
                                            c.validTo(),
                                            "APPROVED"));
                        });
                    }
                    audit.record(
                            "appraisal.claim.end",
                            "credit_claim",
                            Long.toString(c.claimId()),
                            Map.of("validTo", c.validTo()),
                            Map.of("validTo", effective.minusDays(1)));
                } else if (c.status().equals("DISPUTED")) {
                    BigDecimal share = s == null ? BigDecimal.ZERO : s;
                    if (share.signum() > 0) {
                        additions.add(() -> {
                            add(c, c.validFrom(), c.validTo(), share);
                            store.decide(c.claimId(), "APPROVED", share, checker.username(), at);
                        });
                    } else {
                        store.decide(c.claimId(), "REJECTED", null, checker.username(), at);
                    }
                    audit.record(
                            "appraisal.claim.settle",
                            "credit_claim",
                            Long.toString(c.claimId()),
                            Map.of("status", "DISPUTED", "share", c.share()),
                            Map.of("status", share.signum() > 0 ? "APPROVED" : "REJECTED", "share", share));
                }
            }
            additions.forEach(Runnable::run);
            store.settleDispute(disputeId, checker.username(), at, note);
            audit.record(
                    "appraisal.dispute.settle",
                    "credit_dispute",
                    Long.toString(disputeId),
                    Map.of("status", "OPEN"),
                    Map.of("status", "SETTLED", "shares", shares.toString()));
            return new ClaimOutcome.Done(disputeId, "SETTLED", disputeId);
        });
    }

    /** The hand-over of {@link Credits#handOver}, given what {@code fromStaff} holds by the warehouse. */
    HandOver handOver(
            String fromStaff,
            Map<String, BigDecimal> toStaffShares,
            LocalDate effective,
            List<CreditShare> held,
            String actor) {
        return handOver(fromStaff, toStaffShares, effective, held, actor, OrgScope.everything());
    }

    /**
     * The hand-over, refused whole ({@link ClaimRefusal#UNKNOWN_OBJECT}) when anything {@code fromStaff} holds lies
     * outside {@code scope}: a branch head hands over only what is credited within their branch.
     */
    HandOver handOver(
            String fromStaff,
            Map<String, BigDecimal> toStaffShares,
            LocalDate effective,
            List<CreditShare> held,
            String actor,
            OrgScope scope) {
        BigDecimal sum = toStaffShares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (toStaffShares.isEmpty()
                || sum.compareTo(BigDecimal.ONE) != 0
                || toStaffShares.values().stream().anyMatch(v -> v.signum() <= 0)) {
            return new HandOver.Refused(
                    ClaimRefusal.BAD_SHARE, "the fractions of a hand-over must be positive and sum to 1, not " + sum);
        }
        if (fromStaff.isBlank()
                || toStaffShares.containsKey(fromStaff)
                || toStaffShares.keySet().stream().anyMatch(String::isBlank)) {
            return new HandOver.Refused(ClaimRefusal.BAD_STAFF, "a hand-over goes from one staff member to others");
        }
        // what moves, by object: the approved claims of the store, and the defaults the warehouse credits
        Map<String, List<Claim>> claimsByObject = new TreeMap<>();
        for (Claim c : store.approvedOf(fromStaff, effective)) {
            claimsByObject
                    .computeIfAbsent(key(c.objectKind(), c.objectId()), k -> new ArrayList<>())
                    .add(c);
        }
        boolean outside =
                claimsByObject.values().stream().flatMap(List::stream).anyMatch(c -> !scope.covers(c.orgPath()))
                        || held.stream().anyMatch(h -> !scope.covers(h.orgPath()));
        if (outside) {
            return new HandOver.Refused(
                    ClaimRefusal.UNKNOWN_OBJECT, fromStaff + " holds credit outside the scope of " + actor);
        }
        Map<String, CreditShare> defaults = new TreeMap<>();
        for (CreditShare s : held) {
            if (s.source().equals("DEFAULT") && !claimsByObject.containsKey(key(s.objectKind(), s.objectId()))) {
                defaults.put(key(s.objectKind(), s.objectId()), s);
                store.ensureObject(s.objectKind(), s.objectId(), s.orgId(), s.orgPath());
            }
        }
        List<String> objects = new ArrayList<>(claimsByObject.keySet());
        objects.addAll(defaults.keySet());
        objects.sort(Comparator.naturalOrder());
        try {
            return inTransactionOr(() -> {
                OffsetDateTime at = now();
                List<Long> ids = new ArrayList<>();
                for (String object : objects) {
                    List<Claim> claims = claimsByObject.get(object);
                    CreditShare def = defaults.get(object);
                    CreditKind kind = claims != null ? claims.get(0).objectKind() : def.objectKind();
                    String id = claims != null ? claims.get(0).objectId() : def.objectId();
                    store.lock(kind, id);
                    List<Moved> moved = new ArrayList<>();
                    if (claims != null) {
                        for (Claim c : claims) {
                            LocalDate start = c.validFrom().isAfter(effective) ? c.validFrom() : effective;
                            store.addShare(
                                    kind, id, start, c.validTo(), c.share().negate());
                            store.end(c, effective.minusDays(1));
                            audit.recordAs(
                                    actor,
                                    c.orgPath(),
                                    "appraisal.claim.end",
                                    AuditLog.Outcome.OK,
                                    "credit_claim",
                                    Long.toString(c.claimId()),
                                    Map.of("validTo", c.validTo()),
                                    Map.of("validTo", effective.minusDays(1), "handOver", true));
                            moved.add(new Moved(c.orgPath(), c.share(), start, c.validTo()));
                        }
                    } else {
                        moved.add(new Moved(def.orgPath(), def.share(), effective, Claim.OPEN_END));
                    }
                    for (Moved m : moved) {
                        for (Map.Entry<String, BigDecimal> part :
                                split(m.share(), toStaffShares).entrySet()) {
                            store.addShare(kind, id, m.from(), m.to(), part.getValue());
                            long claimId = store.insertClaim(
                                    kind,
                                    id,
                                    m.orgPath(),
                                    part.getKey(),
                                    part.getValue(),
                                    m.from(),
                                    m.to(),
                                    "APPROVED",
                                    "HANDOVER",
                                    "hand-over from " + fromStaff,
                                    actor,
                                    at,
                                    actor);
                            audit.recordAs(
                                    actor,
                                    m.orgPath(),
                                    "appraisal.claim.handover",
                                    AuditLog.Outcome.OK,
                                    "credit_claim",
                                    Long.toString(claimId),
                                    Map.of(),
                                    claimState(kind, id, part.getKey(), part.getValue(), m.from(), m.to(), "APPROVED"));
                            ids.add(claimId);
                        }
                    }
                }
                return new HandOver.Done(objects.size(), ids);
            });
        } catch (Refusal r) {
            return new HandOver.Refused(r.reason, r.getMessage());
        }
    }

    private record Moved(String orgPath, BigDecimal share, LocalDate from, LocalDate to) {}

    /** {@code share} split by the fractions, each rounded half-up to six decimals, the last taking the rest. */
    static Map<String, BigDecimal> split(BigDecimal share, Map<String, BigDecimal> fractions) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        BigDecimal given = BigDecimal.ZERO;
        List<String> staff = new ArrayList<>(fractions.keySet());
        for (int i = 0; i < staff.size(); i++) {
            BigDecimal part = i == staff.size() - 1
                    ? share.subtract(given)
                    : Ratios.share(share.multiply(fractions.get(staff.get(i))));
            given = given.add(part);
            if (part.signum() > 0) {
                parts.put(staff.get(i), part);
            }
        }
        return parts;
    }

    /** Claims within the scope, newest first (a customer manager sees their own). */
    public List<Claim> list(OrgScope scope, @Nullable String status) {
        return store.claims(scope, status, 500);
    }

    /** One claim, when the scope reaches it. */
    public Optional<Claim> visible(long claimId, OrgScope scope) {
        return store.claim(claimId)
                .filter(c -> scope.covers(c.orgPath())
                        && (scope.kind() != org.ruralbank.platform.DataScope.OWN_CUSTOMERS
                                || store.claims(scope, null, 500).stream().anyMatch(x -> x.claimId() == claimId)));
    }

    /** The claims of an object, newest first, when the scope reaches the object. */
    public List<Claim> history(CreditKind kind, String objectId, OrgScope scope) {
        return store.claimsOf(kind, objectId).stream()
                .filter(c -> scope.covers(c.orgPath()))
                .toList();
    }

    public List<Dispute> disputes(OrgScope scope) {
        return store.disputes(scope, 200);
    }

    public Optional<Dispute> dispute(long disputeId, OrgScope scope) {
        return store.dispute(disputeId).filter(d -> scope.covers(d.orgPath()));
    }

    @Override
    public String table() {
        return "ref.credit_claim";
    }

    @Override
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Claim c : store.approved()) {
            rows.add(List.of(
                    c.claimId(),
                    c.objectKind().name(),
                    c.objectId(),
                    c.staffId(),
                    c.share(),
                    c.validFrom(),
                    c.validTo(),
                    c.source()));
        }
        return rows;
    }

    private void add(Claim c, LocalDate from, LocalDate to, BigDecimal share) {
        Optional<Map.Entry<LocalDate, BigDecimal>> over =
                store.firstOverFull(c.objectKind(), c.objectId(), from, to, share);
        if (over.isPresent()) {
            throw new Refusal(
                    ClaimRefusal.OVER_FULL,
                    "share",
                    c.objectKind(),
                    c.objectId(),
                    over.get().getKey(),
                    over.get().getValue().multiply(HUNDRED).stripTrailingZeros().toPlainString());
        }
        try {
            store.addShare(c.objectKind(), c.objectId(), from, to, share);
        } catch (DataIntegrityViolationException e) {
            throw new Refusal(ClaimRefusal.OVER_FULL, "share", c.objectKind(), c.objectId(), from, ">100");
        }
    }

    private ClaimOutcome inTransaction(Supplier<ClaimOutcome> work) {
        try {
            return inTransactionOr(work);
        } catch (Refusal r) {
            return new ClaimOutcome.Refused(r.reason, r.field, r.args);
        } catch (DataIntegrityViolationException e) {
            return new ClaimOutcome.Refused(ClaimRefusal.OVER_FULL, "share", List.of("", "", "", ">100"));
        }
    }

    private <T> T inTransactionOr(Supplier<T> work) {
        return tx.execute(s -> work.get());
    }

    private static Optional<ClaimOutcome> checkShare(BigDecimal share, String field) {
        if (share.signum() <= 0
                || share.compareTo(BigDecimal.ONE) > 0
                || share.stripTrailingZeros().scale() > 6) {
            return Optional.of(refused(
                    ClaimRefusal.BAD_SHARE,
                    field,
                    share.multiply(HUNDRED).stripTrailingZeros().toPlainString()));
        }
        return Optional.empty();
    }

    private static ClaimOutcome refused(ClaimRefusal reason, String field, Object... args) {
        return new ClaimOutcome.Refused(reason, field, List.of(args));
    }

    private static Map<String, Object> claimState(
            CreditKind kind,
            String objectId,
            String staffId,
            BigDecimal share,
            LocalDate from,
            LocalDate to,
            String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object", kind + " " + objectId);
        m.put("staffId", staffId);
        m.put("share", share);
        m.put("validFrom", from);
        m.put("validTo", to);
        m.put("status", status);
        return m;
    }

    private static String key(CreditKind kind, String id) {
        return kind.name() + "\u0000" + id;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A refusal found inside a transaction: thrown to roll it back. */
    private static final class Refusal extends RuntimeException {
        final transient ClaimRefusal reason;
        final String field;
        final transient List<Object> args;

        Refusal(ClaimRefusal reason, String field, Object... args) {
            super(reason + " " + List.of(args));
            this.reason = reason;
            this.field = field;
            this.args = List.of(args);
        }
    }
}
