package org.ruralbank.crm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.internal.JdbcTasks;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.shared.Masking;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer managers' tasks made from a marketing list, and their result measured later from the data.
 *
 * <p>Guarantees:
 * <ul>
 * <li>Working a list makes one task per customer the list shows the user on its date (within their scope, at most
 * {@link MarketingLists#MAX}), for the user (and their staff id); working it again on the same date adds only the customers new to it
 * (the store's unique key), so no customer gets two tasks of one list and date.</li>
 * <li>The result is never typed in: it is measured from the warehouse on the date asked for
 * ({@code crm/task_results}): the chip card issued after the list's date, the online, mobile or SMS sign-up active on
 * the date, the sleeping merchant's transactions after the list's date. The customer's last contact since the list's
 * date (the contact log) is shown beside it.</li>
 * <li>Tasks are read within the scope (the customer's opening org; a customer manager of own-customers scope sees the
 * tasks made for them); making them is audited ({@code crm.task.create}).</li>
 * </ul>
 */
@Service
public class Tasks {

    /** The lists worked on one date and how many tasks they made within the scope. */
    public record Batch(MarketingLists.Kind kind, LocalDate listDate, int tasks) {}

    /** A task as stored, with the customer's last contact since the list's date. */
    public record Task(
            long taskId,
            MarketingLists.Kind kind,
            LocalDate listDate,
            String custId,
            @Nullable String custName,
            @Nullable String staffId,
            String createdBy,
            @Nullable String detail,
            Contacts.@Nullable Outcome lastContact) {}

    /** A task and its result on {@code measuredOn}: {@code how} the aim was reached, or null when it was not. */
    public record Measured(Task task, @Nullable String how) {
        public boolean achieved() {
            return how != null;
        }
    }

    /** A worked list's tasks measured on a date. */
    public record Outcome(MarketingLists.Kind kind, LocalDate listDate, LocalDate measuredOn, List<Measured> tasks) {
        public long achieved() {
            return tasks.stream().filter(Measured::achieved).count();
        }
    }

    /** What working a list did: the tasks made now, and the customers who had one already. */
    public record Made(MarketingLists.Kind kind, LocalDate listDate, int made, int had) {}

    private final JdbcTasks store;
    private final Warehouse warehouse;
    private final Tiers tiers;
    private final AuditLog audit;
    private final Clock clock;

    public Tasks(JdbcTasks store, Warehouse warehouse, Tiers tiers, AuditLog audit, Clock clock) {
        this.store = store;
        this.warehouse = warehouse;
        this.tiers = tiers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes the tasks of the list {@code kind} on {@code listDate} for {@code user}.
     *
     * @throws Rejected {@code list} when the list shows the user no customer
     */
    @Transactional
    public Made work(MarketingLists.Kind kind, LocalDate listDate, StaffPrincipal user) {
        String staff = user.staffId() == null || user.staffId().isBlank() ? null : user.staffId();
        MarketingLists.Listed listed = MarketingLists.of(warehouse.queries(), kind, listDate, tiers, user.scope());
        if (listed.entries().isEmpty()) {
            throw new Rejected("list", "crm.task.empty", listDate);
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        int made = 0;
        for (MarketingLists.Entry e : listed.entries()) {
            if (store.insert(kind, listDate, e, staff, user.username(), at)) {
                made++;
            }
        }
        int had = listed.entries().size() - made;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("made", made);
        after.put("had", had);
        after.put("staff", staff == null ? "" : staff);
        audit.recordAs(
                user.username(),
                user.orgPath(),
                "crm.task.create",
                AuditLog.Outcome.OK,
                "crm_task",
                kind.name() + "/" + listDate,
                Map.of(),
                after);
        return new Made(kind, listDate, made, had);
    }

    /** The lists worked within {@code scope}, newest first (at most 50). */
    public List<Batch> batches(OrgScope scope) {
        return store.batches(scope, 50);
    }

    /** The tasks of the list {@code kind} worked on {@code listDate}, within {@code scope}, measured on {@code on}. */
    public Outcome measure(MarketingLists.Kind kind, LocalDate listDate, LocalDate on, OrgScope scope) {
        List<Task> tasks = store.of(kind, listDate, scope);
        Map<String, String> reached = new HashMap<>();
        if (!tasks.isEmpty()) {
            StringBuilder ids = new StringBuilder(",");
            tasks.forEach(t -> ids.append(t.custId()).append(','));
            warehouse
                    .queries()
                    .named("crm/task_results")
                    .bind("list_kind", kind.name())
                    .between(listDate, on)
                    .bind("cust_ids", ids.toString())
                    .within(OrgRows.of(scope))
                    .list(Result.class)
                    .forEach(r -> reached.put(r.custId(), how(kind, r.detail())));
        }
        return new Outcome(
                kind,
                listDate,
                on,
                tasks.stream()
                        .map(t -> new Measured(t, reached.get(t.custId())))
                        .toList());
    }

    /** A row of {@code crm/task_results}. */
    public record Result(String custId, @Nullable String detail) {}

    private static String how(MarketingLists.Kind kind, @Nullable String detail) {
        String d = detail == null ? "" : detail;
        if (kind == MarketingLists.Kind.MAGNETIC_CARD) {
            String masked = Masking.cardNo(d);
            return masked == null ? "" : masked;
        }
        return d;
    }
}
