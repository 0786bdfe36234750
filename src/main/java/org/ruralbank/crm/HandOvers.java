package org.ruralbank.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.Credits;
import org.ruralbank.appraisal.HandOver;
import org.ruralbank.crm.internal.JdbcHandOvers;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-over (交接) of a leaving customer manager's portfolio to colleagues of their branch, with maker-checker.
 *
 * <p>Guarantees:
 * <ul>
 * <li>One person proposes, another approves or rejects: the proposer cannot decide (checked here and by the
 * store's check on {@code decided_by}).</li>
 * <li>The proposal keeps the portfolio's customers as they stand on the date the customer marts last hold; a
 * manager with a pending hand-over and a customer already in a pending hand-over are refused by the store's unique
 * keys, whatever the checks before say.</li>
 * <li>Every receiver works in the leaving manager's branch, is in service and is neither the leaving manager nor the
 * proposer; the fractions are positive whole percents summing to 100.</li>
 * <li>The approver's scope covers the leaving manager, every receiver and every customer handed over; otherwise the
 * approval is refused and nothing changes.</li>
 * <li>The approval moves the credit through the appraisal's {@link Credits#handOver} from the effective date, in the
 * same transaction as the hand-over's new state and its audit entry: both happen or neither. History is kept: the
 * leaving manager's claims end the day before and the hand-over with its customers stays listed.</li>
 * <li>Every proposal, approval and rejection is in the audit log.</li>
 * </ul>
 */
@Service
public class HandOvers {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    /** A receiver and their fraction of every share the leaving manager holds. */
    public record Receiver(String staffId, String orgPath, BigDecimal fraction) {}

    /** A hand-over as stored. */
    public record Proposed(
            long handOverId,
            String fromStaff,
            String orgPath,
            LocalDate effectiveDate,
            Status status,
            int customers,
            @Nullable String note,
            String proposedBy,
            OffsetDateTime proposedAt,
            @Nullable String decidedBy,
            @Nullable OffsetDateTime decidedAt,
            List<Receiver> receivers) {}

    /** A customer of a hand-over, as the portfolio stood when it was proposed. */
    public record HandedCustomer(String custId, String orgPath) {}

    /** How many receivers the form offers. */
    public static final int MAX_RECEIVERS = 3;

    public static final int MAX_NOTE = 200;

    private final JdbcHandOvers store;
    private final Portfolios portfolios;
    private final Customers customers;
    private final Credits credits;
    private final AuditLog audit;
    private final Clock clock;

    public HandOvers(
            JdbcHandOvers store,
            Portfolios portfolios,
            Customers customers,
            Credits credits,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.portfolios = portfolios;
        this.customers = customers;
        this.credits = credits;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Proposes to hand {@code fromStaff}'s portfolio to the receivers (staff id and whole percent as typed) from
     * {@code effective}.
     *
     * @throws Rejected naming the field: {@code fromStaff} missing, unknown or outside the proposer's scope, holding
     *     no customer, or already being handed over; {@code toStaffN} missing, unknown, out of service, outside the
     *     leaving manager's branch, the leaving manager or the proposer; {@code toShareN} not a whole percent from 1
     *     to 100, or the percents not summing to 100; {@code effective} missing or not a date; {@code note} too long;
     *     {@code fromStaff} when a customer of the portfolio is already in a pending hand-over
     */
    @Transactional
    public Proposed propose(
            @Nullable String fromStaff,
            List<Map.Entry<String, String>> toStaffPercents,
            @Nullable String effective,
            @Nullable String note,
            StaffPrincipal proposer) {
        OrgScope scope = proposer.scope();
        String from = fromStaff == null ? "" : fromStaff.strip();
        if (from.isEmpty()) {
            throw new Rejected("fromStaff", "crm.handover.fromStaff.missing");
        }
        Portfolios.Staff leaving = portfolios
                .staff(from, scope)
                .orElseThrow(() -> new Rejected("fromStaff", "crm.handover.staff.unknown", from));
        String branch = branchOf(leaving.orgPath());
        if (toStaffPercents.isEmpty()) {
            throw new Rejected("toStaff1", "crm.handover.toStaff.missing");
        }
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Map.Entry<String, String> e : toStaffPercents) {
            n++;
            String to = e.getKey().strip();
            String field = "toStaff" + n;
            if (to.isEmpty()) {
                throw new Rejected(field, "crm.handover.toStaff.missing");
            }
            if (to.equals(from)) {
                throw new Rejected(field, "crm.handover.toStaff.leaving", to);
            }
            if (to.equals(proposer.staffId())) {
                throw new Rejected(field, "crm.handover.toStaff.self", to);
            }
            if (receivers.containsKey(to)) {
                throw new Rejected(field, "crm.handover.toStaff.twice", to);
            }
            Portfolios.Staff receiver = portfolios
                    .staff(to, scope)
                    .orElseThrow(() -> new Rejected(field, "crm.handover.staff.unknown", to));
            if (!receiver.orgPath().startsWith(branch)) {
                throw new Rejected(field, "crm.handover.toStaff.otherBranch", to, receiver.orgId(), leaving.orgId());
            }
            if (!receiver.status().equals("A")) {
                throw new Rejected(field, "crm.handover.toStaff.left", to);
            }
            BigDecimal percent = percent(e.getValue(), "toShare" + n);
            sum = sum.add(percent);
            receivers.put(
                    to,
                    new Receiver(
                            to,
                            receiver.orgPath(),
                            percent.divide(BigDecimal.valueOf(100), 6, RoundingMode.UNNECESSARY)));
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new Rejected("toShare1", "crm.handover.share.sum", sum.toPlainString());
        }
        LocalDate day;
        try {
            day = LocalDate.parse(effective == null ? "" : effective.strip());
        } catch (DateTimeParseException ex) {
            throw new Rejected("effective", "crm.handover.effective.missing");
        }
        String n2 = note == null || note.isBlank() ? null : note.strip();
        if (n2 != null && n2.codePointCount(0, n2.length()) > MAX_NOTE) {
            throw new Rejected("note", "crm.handover.note.tooLong", MAX_NOTE);
        }
        List<Portfolios.Held> held = portfolios.of(from, customers.lastDate(), OrgScope.everything());
        if (held.isEmpty()) {
            throw new Rejected("fromStaff", "crm.handover.fromStaff.empty", from);
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        long id;
        try {
            id = store.insert(from, leaving.orgPath(), day, held.size(), n2, proposer.username(), at);
        } catch (DuplicateKeyException ex) {
            throw new Rejected("fromStaff", "crm.handover.fromStaff.pending", from);
        }
        receivers.values().forEach(r -> store.insertReceiver(id, r));
        for (Portfolios.Held h : held) {
            String path = customers.orgPathOf(h.custId(), OrgScope.everything());
            try {
                store.insertCustomer(id, h.custId(), path);
            } catch (DuplicateKeyException ex) {
                throw new Rejected("fromStaff", "crm.handover.customer.pending", h.custId());
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fromStaff", from);
        after.put("effective", day.toString());
        after.put("customers", held.size());
        receivers
                .values()
                .forEach(r -> after.put("to." + r.staffId(), r.fraction().toPlainString()));
        audit.recordAs(
                proposer.username(),
                proposer.orgPath(),
                "crm.handover.propose",
                AuditLog.Outcome.OK,
                "crm_handover",
                Long.toString(id),
                Map.of(),
                after);
        return store.find(id).orElseThrow();
    }

    /**
     * Approves a pending hand-over: the credit moves from its effective date.
     *
     * @throws NotFound no such hand-over within the approver's scope
     * @throws Rejected {@code handOverId}: decided already, proposed by the approver, reaching outside the approver's
     *     scope, or refused by the appraisal's rule (the code names its reason)
     */
    @Transactional
    public Proposed approve(long handOverId, StaffPrincipal approver) {
        Proposed p = pending(handOverId, approver);
        OrgScope scope = approver.scope();
        boolean outside = !scope.covers(p.orgPath())
                || p.receivers().stream().anyMatch(r -> !scope.covers(r.orgPath()))
                || store.customers(handOverId).stream().anyMatch(c -> !scope.covers(c.orgPath()));
        if (outside) {
            throw new Rejected("handOverId", "crm.handover.outsideScope", handOverId);
        }
        Map<String, BigDecimal> fractions = new LinkedHashMap<>();
        p.receivers().forEach(r -> fractions.put(r.staffId(), r.fraction()));
        HandOver outcome = credits.handOver(p.fromStaff(), fractions, p.effectiveDate(), approver);
        if (outcome instanceof HandOver.Refused r) {
            throw new Rejected(
                    "handOverId", "crm.handover.refused." + r.reason().name(), handOverId);
        }
        decide(p, Status.APPROVED, approver, "crm.handover.approve");
        return store.find(handOverId).orElseThrow();
    }

    /** Rejects a pending hand-over; nothing moves. Refused as {@link #approve} when decided or the proposer's own. */
    @Transactional
    public Proposed reject(long handOverId, StaffPrincipal checker) {
        Proposed p = pending(handOverId, checker);
        decide(p, Status.REJECTED, checker, "crm.handover.reject");
        return store.find(handOverId).orElseThrow();
    }

    /** The hand-overs within {@code scope}, newest first. */
    public List<Proposed> list(OrgScope scope) {
        return store.list(scope, 200);
    }

    /** The customers of a hand-over within {@code scope}. */
    public List<HandedCustomer> customersOf(long handOverId, OrgScope scope) {
        find(handOverId, scope);
        return store.customers(handOverId).stream()
                .filter(c -> scope.covers(c.orgPath()))
                .toList();
    }

    /** A hand-over within {@code scope}. */
    public Proposed find(long handOverId, OrgScope scope) {
        return store.find(handOverId)
                .filter(p -> scope.covers(p.orgPath()))
                .orElseThrow(() -> new NotFound("handOver", Long.toString(handOverId)));
    }

    private Proposed pending(long handOverId, StaffPrincipal checker) {
        Proposed p = find(handOverId, checker.scope());
        if (p.status() != Status.PENDING) {
            throw new Rejected("handOverId", "crm.handover.decided", handOverId);
        }
        if (p.proposedBy().equals(checker.username())) {
            throw new Rejected("handOverId", "crm.handover.samePerson", handOverId);
        }
        return p;
    }

    private void decide(Proposed p, Status status, StaffPrincipal checker, String action) {
        if (!store.decide(p.handOverId(), status, checker.username(), OffsetDateTime.now(clock))) {
            throw new Rejected("handOverId", "crm.handover.decided", p.handOverId());
        }
        audit.recordAs(
                checker.username(),
                checker.orgPath(),
                action,
                AuditLog.Outcome.OK,
                "crm_handover",
                Long.toString(p.handOverId()),
                Map.of("status", Status.PENDING.name()),
                Map.of(
                        "status",
                        status.name(),
                        "fromStaff",
                        p.fromStaff(),
                        "effective",
                        p.effectiveDate().toString()));
    }

    /** The branch of an org path: the path down to its second org (the head office's own path stays whole). */
    static String branchOf(String orgPath) {
        String[] parts = orgPath.split("/");
        int seen = 0;
        StringBuilder out = new StringBuilder("/");
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(part).append('/');
            if (++seen == 2) {
                break;
            }
        }
        return out.toString();
    }

    private static BigDecimal percent(@Nullable String text, String field) {
        try {
            BigDecimal p = new BigDecimal(Objects.requireNonNullElse(text, "").strip());
            if (p.scale() > 0 && p.stripTrailingZeros().scale() > 0
                    || p.compareTo(BigDecimal.ONE) < 0
                    || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new Rejected(field, "crm.handover.share", text);
            }
            return p.setScale(0, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw new Rejected(field, "crm.handover.share", text == null ? "" : text);
        }
    }
}
