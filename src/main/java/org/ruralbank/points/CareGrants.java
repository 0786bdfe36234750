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
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.points.EarningRules.Problem;
import org.ruralbank.points.PointsLedger.Outcome;
import org.ruralbank.points.PointsLedger.Transfer;
import org.ruralbank.points.internal.JdbcCare;
import org.ruralbank.points.internal.JdbcCustomers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual grants for customer care and employee care (关怀积分), from a budget, each with approval.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>a budget is proposed by one whole-bank officer and funded only when a second one approves it: its own ledger
 *       account (no overdraft) receives the budget's points from the bank's issuance ({@code BF-<budget>});</li>
 *   <li>a grant is proposed for a customer within the maker's scope and posted only when a second officer approves
 *       it: budget → customer ({@code G-<grant>}, a lot expiring as earned points do); a grant is decided once (the
 *       conditional update of a pending row);</li>
 *   <li>a budget is never overspent, however many grants are approved at once: the ledger checks the budget
 *       account's balance under its row lock, and the database's check constraint on {@code pt_account} says it
 *       again; a grant the budget can no longer pay is {@code REFUSED} and posts nothing;</li>
 *   <li>every proposal and decision is audited.</li>
 * </ul>
 */
@Service
public class CareGrants {

    private static final Pattern BUDGET_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,17}");
    private static final long MAX_BUDGET = 1_000_000_000L;
    private static final long MAX_GRANT = 1_000_000L;

    private final JdbcCare store;
    private final JdbcCustomers customers;
    private final PointsLedger ledger;
    private final AuditLog audit;

    CareGrants(JdbcCare store, JdbcCustomers customers, PointsLedger ledger, AuditLog audit) {
        this.store = store;
        this.customers = customers;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** A budget: {@code granted} is what its account has paid out. */
    public record Budget(
            String budgetId,
            String purpose,
            String name,
            long points,
            String accountNo,
            String status,
            String maker,
            @Nullable String checker,
            long granted) {

        public long left() {
            return status.equals("APPROVED") ? points - granted : 0;
        }
    }

    public record Grant(
            long grantId,
            String budgetId,
            String custId,
            String orgPath,
            long points,
            String reason,
            String status,
            @Nullable String transferId,
            String maker,
            @Nullable String checker) {}

    public sealed interface Decision {
        record Done(String id) implements Decision {}

        record Refused(List<Problem> problems) implements Decision {}
    }

    public List<Budget> budgets() {
        return store.budgets();
    }

    public Optional<Budget> budget(String id) {
        return store.budget(id);
    }

    public List<Grant> grants(OrgScope scope) {
        return store.grants(scope, 200);
    }

    /** The grant if its customer is within the scope. */
    public Optional<Grant> grant(long id, OrgScope scope) {
        return store.grant(id).filter(g -> scope.covers(g.orgPath()));
    }

    /** Proposes a budget: {@code budgetId}, {@code purpose} (CUSTOMER_CARE, EMPLOYEE_CARE), {@code name}, {@code points}. */
    @Transactional
    public Decision proposeBudget(Map<String, String> form, StaffPrincipal maker) {
        if (maker.dataScope() != DataScope.ALL) {
            return refused("budgetId", "points.problem.wholeBank");
        }
        List<Problem> problems = new ArrayList<>();
        String id = form.getOrDefault("budgetId", "").strip();
        if (!BUDGET_ID.matcher(id).matches()) {
            problems.add(new Problem("budgetId", "points.problem.budgetId"));
        }
        String purpose = form.getOrDefault("purpose", "");
        if (!purpose.equals("CUSTOMER_CARE") && !purpose.equals("EMPLOYEE_CARE")) {
            problems.add(new Problem("purpose", "points.problem.purpose"));
        }
        String name = form.getOrDefault("name", "").strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new Problem("name", "points.problem.name"));
        }
        Long points = Fields.whole(form.get("points"), 1, MAX_BUDGET);
        if (points == null) {
            problems.add(new Problem("points", "points.problem.points"));
        }
        if (!problems.isEmpty() || points == null) {
            return new Decision.Refused(problems);
        }
        if (!store.proposeBudget(id, purpose, name, points, maker.username())) {
            return refused("budgetId", "points.problem.codeTaken");
        }
        audit.record(
                "points.budget.propose",
                "points_budget",
                id,
                Map.of(),
                describe(store.budget(id).orElseThrow()));
        return new Decision.Done(id);
    }

    /** Approves (and funds) or rejects a pending budget; the maker cannot approve their own. */
    @Transactional
    public Decision decideBudget(String id, boolean approve, StaffPrincipal checker, LocalDate today) {
        Optional<Budget> found = store.budget(id);
        if (found.isEmpty()) {
            return refused("budget", "points.problem.notFound");
        }
        Budget b = found.get();
        if (checker.dataScope() != DataScope.ALL) {
            return refused("budget", "points.problem.wholeBank");
        }
        if (approve && b.maker().equals(checker.username())) {
            return refused("budget", "points.problem.ownProposal");
        }
        if (!store.decideBudget(id, approve ? "APPROVED" : "REJECTED", checker.username())) {
            return refused("budget", "points.problem.decided");
        }
        if (approve) {
            ledger.openBudget(b.accountNo());
            Outcome o = ledger.transfer(Transfer.posted(
                    "BF-" + id, PointsLedger.ISSUANCE, b.accountNo(), b.points(), null, "FUND", b.name(), today));
            if (!o.succeeded()) {
                throw new IllegalStateException("funding budget " + id + ": " + o);
            }
        }
        audit.record(
                approve ? "points.budget.approve" : "points.budget.reject",
                "points_budget",
                id,
                describe(b),
                describe(store.budget(id).orElseThrow()));
        return new Decision.Done(id);
    }

    /** Proposes a grant: {@code budgetId}, {@code custId} (a customer with points within scope), {@code points}, {@code reason}. */
    @Transactional
    public Decision proposeGrant(Map<String, String> form, StaffPrincipal maker) {
        List<Problem> problems = new ArrayList<>();
        String budgetId = form.getOrDefault("budgetId", "").strip();
        Optional<Budget> budget = store.budget(budgetId).filter(b -> b.status().equals("APPROVED"));
        if (budget.isEmpty()) {
            problems.add(new Problem("budgetId", "points.problem.budget"));
        }
        String custId = form.getOrDefault("custId", "").strip();
        Optional<String> orgPath = custId.isEmpty()
                ? Optional.empty()
                : customers.orgPath(PointsLedger.customerAccount(custId)).filter(maker.scope()::covers);
        if (orgPath.isEmpty()) {
            problems.add(new Problem("custId", "points.problem.customer"));
        }
        Long points = Fields.whole(form.get("points"), 1, MAX_GRANT);
        if (points == null) {
            problems.add(new Problem("points", "points.problem.points"));
        }
        String reason = form.getOrDefault("reason", "").strip();
        if (reason.isEmpty() || reason.length() > 140) {
            problems.add(new Problem("reason", "points.problem.reason"));
        }
        if (!problems.isEmpty() || points == null || orgPath.isEmpty()) {
            return new Decision.Refused(problems);
        }
        long id = store.proposeGrant(budgetId, custId, orgPath.get(), points, reason, maker.username());
        audit.record(
                "points.grant.propose",
                "points_grant",
                String.valueOf(id),
                Map.of(),
                describe(store.grant(id).orElseThrow()));
        return new Decision.Done(String.valueOf(id));
    }

    /**
     * Approves or rejects a pending grant of a customer within the checker's scope; the maker cannot approve their
     * own. An approved grant is posted, or refused when the budget no longer has its points.
     */
    @Transactional
    public Decision decideGrant(long id, boolean approve, StaffPrincipal checker, LocalDate today) {
        Optional<Grant> found = grant(id, checker.scope());
        if (found.isEmpty()) {
            return refused("grant", "points.problem.notFound");
        }
        Grant g = found.get();
        if (approve && g.maker().equals(checker.username())) {
            return refused("grant", "points.problem.ownProposal");
        }
        if (!store.decideGrant(id, approve ? "GRANTED" : "REJECTED", checker.username())) {
            return refused("grant", "points.problem.decided");
        }
        if (approve) {
            String account = store.budget(g.budgetId()).orElseThrow().accountNo();
            String transferId = "G-" + id;
            Outcome o = ledger.transfer(Transfer.posted(
                    transferId,
                    account,
                    PointsLedger.customerAccount(g.custId()),
                    g.points(),
                    Accrual.expiry(today),
                    "GRANT",
                    g.budgetId() + ": " + g.reason(),
                    today));
            boolean paid = o.succeeded();
            store.settle(id, paid ? "GRANTED" : "REFUSED", paid ? transferId : null);
        }
        Grant after = store.grant(id).orElseThrow();
        audit.record(
                "points.grant." + (approve ? "approve" : "reject"),
                "points_grant",
                String.valueOf(id),
                describe(g),
                describe(after));
        return after.status().equals("REFUSED")
                ? refused("grant", "points.problem.budgetSpent")
                : new Decision.Done(String.valueOf(id));
    }

    private static Decision refused(String field, String message) {
        return new Decision.Refused(List.of(new Problem(field, message)));
    }

    private static Map<String, Object> describe(Budget b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("purpose", b.purpose());
        m.put("name", b.name());
        m.put("points", b.points());
        m.put("status", b.status());
        return m;
    }

    private static Map<String, Object> describe(Grant g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("budget", g.budgetId());
        m.put("custId", g.custId());
        m.put("points", g.points());
        m.put("reason", g.reason());
        m.put("status", g.status());
        return m;
    }
}
