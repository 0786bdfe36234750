package org.ruralbank.points;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.points.EarningRules.Problem;
import org.ruralbank.points.internal.JdbcCampaigns;
import org.ruralbank.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign multipliers (积分活动), time-boxed and approved with maker-checker as the earning rules are: proposed by
 * one whole-bank officer, in force only once a second one approved them; a decided campaign is never changed.
 * Accrual applies them (see {@link Campaign} for the stacking rule). Every proposal and decision is audited.
 */
@Service
public class Campaigns {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final int MAX_DAYS = 366;

    private final JdbcCampaigns store;
    private final Orgs orgs;
    private final AuditLog audit;

    Campaigns(JdbcCampaigns store, Orgs orgs, AuditLog audit) {
        this.store = store;
        this.orgs = orgs;
        this.audit = audit;
    }

    public sealed interface Outcome {
        record Done(long campaignId) implements Outcome {}

        record Refused(List<Problem> problems) implements Outcome {}
    }

    public List<Campaign> all() {
        return store.all();
    }

    public List<Campaign> inForce(LocalDate date) {
        return store.inForce(date);
    }

    /**
     * Proposes a campaign from a form: {@code code}, {@code name}, {@code multiplierPct} (101..1000: 150 is x1.5),
     * {@code validFrom}, {@code validTo} (at most a year apart), {@code orgId} (optional: the branch), {@code
     * minDeposit} (optional, yuan: the tier).
     */
    @Transactional
    public Outcome propose(Map<String, String> form, StaffPrincipal maker) {
        if (maker.dataScope() != DataScope.ALL) {
            return refused("code", "points.problem.wholeBank");
        }
        List<Problem> problems = new ArrayList<>();
        String code = form.getOrDefault("code", "").strip();
        if (!CODE.matcher(code).matches()) {
            problems.add(new Problem("code", "points.problem.code"));
        }
        String name = form.getOrDefault("name", "").strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new Problem("name", "points.problem.name"));
        }
        Long pct = Fields.whole(form.get("multiplierPct"), 101, 1000);
        if (pct == null) {
            problems.add(new Problem("multiplierPct", "points.problem.multiplier"));
        }
        LocalDate from = Fields.date(form.get("validFrom"));
        if (from == null) {
            problems.add(new Problem("validFrom", "points.problem.date"));
        }
        LocalDate to = Fields.date(form.get("validTo"));
        if (to == null || (from != null && (to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS))))) {
            problems.add(new Problem("validTo", "points.problem.campaignTo"));
        }
        String orgId = form.getOrDefault("orgId", "").strip();
        Optional<Org> org = orgId.isEmpty() ? Optional.empty() : orgs.find(orgId);
        if (!orgId.isEmpty() && org.isEmpty()) {
            problems.add(new Problem("orgId", "points.problem.org"));
        }
        String deposit = form.getOrDefault("minDeposit", "").strip();
        @Nullable
        Long minFen = deposit.isEmpty()
                ? null
                : Money.tryParseYuan(deposit).map(Money::fen).filter(f -> f > 0).orElse(-1L);
        if (minFen != null && minFen < 0) {
            problems.add(new Problem("minDeposit", "points.problem.unitYuan"));
        }
        if (!problems.isEmpty() || pct == null || from == null || to == null) {
            return new Outcome.Refused(problems);
        }
        String orgPath = org.map(Org::path).orElse(null);
        Optional<Long> id = store.propose(code, name, pct.intValue(), from, to, orgPath, minFen, maker.username());
        if (id.isEmpty()) {
            return refused("code", "points.problem.codeTaken");
        }
        audit.record(
                "points.campaign.propose",
                "points_campaign",
                String.valueOf(id.get()),
                Map.of(),
                describe(store.find(id.get()).orElseThrow()));
        return new Outcome.Done(id.get());
    }

    /** Approves or rejects a pending campaign; the maker cannot approve their own. */
    @Transactional
    public Outcome decide(long id, boolean approve, StaffPrincipal checker) {
        Optional<Campaign> found = store.find(id);
        if (found.isEmpty()) {
            return refused("campaign", "points.problem.notFound");
        }
        if (checker.dataScope() != DataScope.ALL) {
            return refused("campaign", "points.problem.wholeBank");
        }
        if (approve && found.get().maker().equals(checker.username())) {
            return refused("campaign", "points.problem.ownProposal");
        }
        if (!store.decide(id, approve ? "APPROVED" : "REJECTED", checker.username())) {
            return refused("campaign", "points.problem.decided");
        }
        audit.record(
                approve ? "points.campaign.approve" : "points.campaign.reject",
                "points_campaign",
                String.valueOf(id),
                describe(found.get()),
                describe(store.find(id).orElseThrow()));
        return new Outcome.Done(id);
    }

    private static Outcome refused(String field, String message) {
        return new Outcome.Refused(List.of(new Problem(field, message)));
    }

    private static Map<String, Object> describe(Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("name", c.name());
        m.put("multiplierPct", c.multiplierPct());
        m.put("validFrom", c.validFrom().toString());
        m.put("validTo", c.validTo().toString());
        m.put("orgPath", c.orgPath() == null ? "" : c.orgPath());
        m.put("minDepositFen", c.minDepositFen() == null ? "" : c.minDepositFen());
        m.put("status", c.status());
        return m;
    }
}
