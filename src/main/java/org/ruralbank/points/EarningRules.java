package org.ruralbank.points;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.points.internal.JdbcRules;
import org.ruralbank.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The earning rules (积分规则): versioned, effective-dated, applied only once a second person approved them.
 *
 * <p>Guarantees: a proposal is complete and valid or not saved, every problem named by its field; rules are
 * bank-wide, so only staff who see the whole bank propose and decide them; the maker never approves their own
 * proposal; approving a version ends the code's earlier approved versions the day before it starts; a decided
 * version is never changed. Every proposal and decision is audited.
 */
@Service
public class EarningRules {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final long MAX_POINTS = 1_000_000;

    private final JdbcRules store;
    private final AuditLog audit;

    EarningRules(JdbcRules store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A problem of a proposal: the field, and what is wrong as a message code. */
    public record Problem(String field, String message) {}

    public sealed interface Outcome {
        record Proposed(long ruleId) implements Outcome {}

        record Decided(Rule rule) implements Outcome {}

        record Refused(List<Problem> problems) implements Outcome {}
    }

    public List<Rule> all() {
        return store.all();
    }

    public Optional<Rule> find(long ruleId) {
        return store.find(ruleId);
    }

    /** The approved rules in force on a date. */
    public List<Rule> inForce(LocalDate date) {
        return store.approved().stream().filter(r -> r.inForceOn(date)).toList();
    }

    /**
     * Proposes a rule version from a form: {@code code}, {@code kind}, {@code unit} (yuan for amount rules, a count
     * for count rules), {@code points}, {@code cap} (optional) with {@code capPeriod} (DAY, MONTH or YEAR; MONTH when blank),
     * {@code validFrom}, {@code validTo} (optional).
     */
    @Transactional
    public Outcome propose(Map<String, String> form, StaffPrincipal maker) {
        List<Problem> problems = new ArrayList<>();
        if (maker.dataScope() != DataScope.ALL) {
            return new Outcome.Refused(List.of(new Problem("code", "points.problem.wholeBank")));
        }
        String code = form.getOrDefault("code", "").strip();
        if (!CODE.matcher(code).matches()) {
            problems.add(new Problem("code", "points.problem.code"));
        }
        RuleKind kind = null;
        try {
            kind = RuleKind.valueOf(form.getOrDefault("kind", ""));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("kind", "points.problem.kind"));
        }
        Long unit = null;
        String unitText = form.getOrDefault("unit", "").strip();
        if (kind != null && kind.amount()) {
            unit = Money.tryParseYuan(unitText)
                    .map(Money::fen)
                    .filter(f -> f > 0)
                    .orElse(null);
        } else if (kind != null) {
            unit = Fields.whole(unitText, 1, 1000);
        }
        if (kind != null && unit == null) {
            problems.add(new Problem("unit", kind.amount() ? "points.problem.unitYuan" : "points.problem.unitCount"));
        }
        Long points = Fields.whole(form.getOrDefault("points", "").strip(), 1, MAX_POINTS);
        if (points == null) {
            problems.add(new Problem("points", "points.problem.points"));
        }
        String capText = form.getOrDefault("cap", "").strip();
        Long cap = capText.isEmpty() ? null : Fields.whole(capText, 1, MAX_POINTS * 100);
        if (!capText.isEmpty() && cap == null) {
            problems.add(new Problem("cap", "points.problem.cap"));
        }
        String periodText = form.getOrDefault("capPeriod", "").strip();
        Rule.CapPeriod capPeriod = Rule.CapPeriod.MONTH;
        if (!periodText.isEmpty()) {
            try {
                capPeriod = Rule.CapPeriod.valueOf(periodText);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("capPeriod", "points.problem.capPeriod"));
            }
        }
        LocalDate from = Fields.date(form.get("validFrom"));
        if (from == null) {
            problems.add(new Problem("validFrom", "points.problem.date"));
        }
        String toText = form.getOrDefault("validTo", "").strip();
        LocalDate to = toText.isEmpty() ? null : Fields.date(toText);
        if (!toText.isEmpty() && (to == null || (from != null && to.isBefore(from)))) {
            problems.add(new Problem("validTo", "points.problem.validTo"));
        }
        if (!problems.isEmpty() || kind == null || unit == null || points == null || from == null) {
            return new Outcome.Refused(problems);
        }
        long id = store.propose(code, kind, unit, points, cap, capPeriod, from, to, maker.username());
        Rule rule = store.find(id).orElseThrow();
        audit.record("points.rule.propose", "points_rule", String.valueOf(id), Map.of(), describe(rule));
        return new Outcome.Proposed(id);
    }

    /** Approves or rejects a pending version; the maker cannot decide their own. */
    @Transactional
    public Outcome decide(long ruleId, boolean approve, StaffPrincipal checker) {
        Optional<Rule> found = store.find(ruleId);
        if (found.isEmpty()) {
            return new Outcome.Refused(List.of(new Problem("rule", "points.problem.notFound")));
        }
        Rule rule = found.get();
        if (checker.dataScope() != DataScope.ALL) {
            return new Outcome.Refused(List.of(new Problem("rule", "points.problem.wholeBank")));
        }
        if (approve && rule.maker().equals(checker.username())) {
            return new Outcome.Refused(List.of(new Problem("rule", "points.problem.ownProposal")));
        }
        if (!store.decide(ruleId, approve ? "APPROVED" : "REJECTED", checker.username())) {
            return new Outcome.Refused(List.of(new Problem("rule", "points.problem.decided")));
        }
        if (approve) {
            store.closeEarlierVersions(rule.code(), ruleId, rule.validFrom());
        }
        Rule after = store.find(ruleId).orElseThrow();
        audit.record(
                approve ? "points.rule.approve" : "points.rule.reject",
                "points_rule",
                String.valueOf(ruleId),
                describe(rule),
                describe(after));
        return new Outcome.Decided(after);
    }

    static Map<String, Object> describe(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("version", r.version());
        m.put("kind", r.kind().name());
        m.put("unit", r.unit());
        m.put("points", r.points());
        m.put("cap", r.cap() == null ? "" : r.cap());
        m.put("capPeriod", r.capPeriod().name());
        m.put("validFrom", r.validFrom().toString());
        m.put("validTo", r.validTo() == null ? "" : r.validTo().toString());
        m.put("status", r.status());
        return m;
    }
}
