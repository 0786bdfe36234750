package org.ruralbank.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ruralbank.directconnect.RequestSigning;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.points.EarningRules.Problem;
import org.ruralbank.points.internal.JdbcPartners;
import org.ruralbank.shared.Money;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partners that spend points: e-commerce partners, and alliance merchants (the bank's acquiring merchants that
 * join). Guarantees: a merchant joins only if it is one of the bank's active acquiring merchants within the joining
 * staff's scope; a partner's id is unique by the database; its key suits its algorithm or it is not saved; a partner
 * that leaves is refused from that day on, its orders kept; joining and leaving are audited. The monthly statement
 * of a partner is what the ledger says it took, at its rate.
 */
@Service
public class Partners {

    private static final Pattern PARTNER_ID = Pattern.compile("[A-Z0-9]{1,20}");

    private final JdbcPartners store;
    private final PointsLedger ledger;
    private final Orgs orgs;
    private final Warehouse warehouse;
    private final AuditLog audit;

    Partners(JdbcPartners store, PointsLedger ledger, Orgs orgs, Warehouse warehouse, AuditLog audit) {
        this.store = store;
        this.ledger = ledger;
        this.orgs = orgs;
        this.warehouse = warehouse;
        this.audit = audit;
    }

    record Merchant(String merchantId, String merchantName, String orgPath, String status) {}

    /** A month's settlement of one partner: points it took (less refunds) and what the bank pays for them. */
    public record Statement(Partner partner, YearMonth month, long points, Money value) {}

    public List<Partner> within(OrgScope scope) {
        return store.within(scope);
    }

    public Optional<Partner> find(String partnerId, OrgScope scope) {
        return store.find(partnerId).filter(p -> scope.covers(p.orgPath()));
    }

    /** Registers a partner from the form: partnerId, name, kind, orgId (online), pointsPerYuan, algorithm, publicKey, joinedOn. */
    @Transactional
    public List<Problem> join(Map<String, String> form, StaffPrincipal staff) {
        List<Problem> problems = new ArrayList<>();
        String id = form.getOrDefault("partnerId", "").strip();
        String kind = form.getOrDefault("kind", "");
        if (!PARTNER_ID.matcher(id).matches()) {
            problems.add(new Problem("partnerId", "points.problem.partnerId"));
        }
        if (!kind.equals("ONLINE") && !kind.equals("MERCHANT")) {
            problems.add(new Problem("kind", "points.problem.kind"));
        }
        String name = form.getOrDefault("name", "").strip();
        String orgPath = null;
        if (kind.equals("MERCHANT") && problems.isEmpty()) {
            Optional<Merchant> m = warehouse
                    .queries()
                    .named("points/acquiring_merchant")
                    .bind("merchant_id", id)
                    .within(OrgRows.of(staff.scope()))
                    .first(Merchant.class)
                    .filter(x -> x.status().equals("A"));
            if (m.isEmpty()) {
                problems.add(new Problem("partnerId", "points.problem.notAMerchant"));
            } else {
                name = m.get().merchantName();
                orgPath = m.get().orgPath();
            }
        } else if (kind.equals("ONLINE")) {
            orgPath = orgs.find(form.getOrDefault("orgId", ""), staff.scope())
                    .map(Org::path)
                    .orElse(null);
            if (orgPath == null) {
                problems.add(new Problem("orgId", "points.problem.org"));
            }
        }
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new Problem("name", "points.problem.name"));
        }
        String rate = form.getOrDefault("pointsPerYuan", "").strip();
        if (!rate.matches("[0-9]{1,5}") || Integer.parseInt(rate) < 1) {
            problems.add(new Problem("pointsPerYuan", "points.problem.rate"));
        }
        RequestSigning.Algorithm algorithm = null;
        try {
            algorithm = RequestSigning.Algorithm.valueOf(form.getOrDefault("algorithm", ""));
            RequestSigning.publicKey(algorithm, form.getOrDefault("publicKey", ""));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("publicKey", "points.problem.key"));
        }
        LocalDate joined = Fields.date(form.get("joinedOn"));
        if (joined == null) {
            problems.add(new Problem("joinedOn", "points.problem.date"));
        }
        if (!problems.isEmpty() || orgPath == null || algorithm == null || joined == null) {
            return problems;
        }
        String account = "M-" + id;
        ledger.openMerchant(account, orgPath);
        Partner p = new Partner(
                id,
                name,
                kind,
                orgPath,
                account,
                Integer.parseInt(rate),
                algorithm.name(),
                form.get("publicKey").strip(),
                joined,
                null);
        if (!store.insert(p)) {
            return List.of(new Problem("partnerId", "points.problem.partnerTaken"));
        }
        audit.record("points.partner.join", "points_partner", id, Map.of(), describe(p));
        return List.of();
    }

    /** The partner leaves the alliance from {@code on} (refused from then on). */
    @Transactional
    public boolean leave(String partnerId, LocalDate on, StaffPrincipal staff) {
        Optional<Partner> p = find(partnerId, staff.scope());
        if (p.isEmpty() || !store.leave(partnerId, on)) {
            return false;
        }
        audit.record(
                "points.partner.leave",
                "points_partner",
                partnerId,
                describe(p.get()),
                Map.of("leftOn", on.toString()));
        return true;
    }

    /** The month's statement of each partner in scope: points taken, less refunds, at the partner's rate. */
    public List<Statement> statements(YearMonth month, OrgScope scope) {
        return store.within(scope).stream()
                .map(p -> {
                    long points = store.pointsTaken(p.accountNo(), month.atDay(1), month.atEndOfMonth());
                    long fen = BigDecimal.valueOf(points)
                            .multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(p.pointsPerYuan()), 0, Money.ROUNDING)
                            .longValueExact();
                    return new Statement(p, month, points, Money.ofFen(fen));
                })
                .toList();
    }

    private static Map<String, Object> describe(Partner p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.partnerName());
        m.put("kind", p.kind());
        m.put("orgPath", p.orgPath());
        m.put("pointsPerYuan", p.pointsPerYuan());
        m.put("algorithm", p.algorithm());
        m.put("joinedOn", p.joinedOn().toString());
        return m;
    }
}
