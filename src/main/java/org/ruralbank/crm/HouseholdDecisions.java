package org.ruralbank.crm;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.ruralbank.crm.internal.JdbcHouseholdDecisions;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households proposed by the data and decided by a customer manager or branch head: the persons sharing an address
 * in the same village ({@code crm/household}) are proposed; a confirmed household is a relationship of each member
 * (on the customer's page and in the graph around them), a rejected one is proposed no more.
 *
 * <p>Guarantees: a decision is made only on a customer within the staff's scope (else {@link NotFound}) and only on
 * the proposal as it stands (the members sent must be those the data proposes within the scope, else it is refused
 * naming {@code members}); one decision per address and each customer in at most one (the store's keys); the same
 * decision sent again is the decision already made (nothing written, nothing audited a second time), the other
 * decision on a decided household is refused naming {@code decision}; the decision, its members and its audit entry
 * ({@code crm.household.confirm} or {@code .reject}) are written in one transaction.
 */
@Service
public class HouseholdDecisions {

    public enum Status {
        CONFIRMED,
        REJECTED
    }

    /** Where a customer's household stands: nothing proposed, proposed, confirmed or rejected. */
    public enum State {
        NONE,
        PROPOSED,
        CONFIRMED,
        REJECTED
    }

    public record Member(String custId, @Nullable String custName) {}

    /** A decision on the household at an address, with its members as they were proposed. */
    public record Decision(
            long householdId,
            Status status,
            String village,
            String address,
            String orgPath,
            String decidedBy,
            OffsetDateTime decidedAt,
            List<Member> members) {}

    /**
     * A customer's household as their page shows it.
     *
     * @param members  the other members: those of the decision, or those proposed
     * @param proposal the ids of the proposal (the customer and the members), as the form sends them back
     */
    public record Household(
            State state, List<Member> members, @Nullable Decision decision, String proposal) {}

    /** What {@link #decide} did: decided now, or found the same decision made already. */
    public record Decided(Decision decision, boolean replayed) {}

    private final JdbcHouseholdDecisions store;
    private final Warehouse warehouse;
    private final AuditLog audit;
    private final Clock clock;

    public HouseholdDecisions(JdbcHouseholdDecisions store, Warehouse warehouse, AuditLog audit, Clock clock) {
        this.store = store;
        this.warehouse = warehouse;
        this.audit = audit;
        this.clock = clock;
    }

    /** The customer's household: {@code proposed} are the members the data proposes within the scope. */
    public Household of(String custId, List<Customer360.HouseholdMember> proposed) {
        Optional<Decision> d = store.ofMember(custId);
        if (d.isPresent()) {
            List<Member> others = d.get().members().stream()
                    .filter(m -> !m.custId().equals(custId))
                    .toList();
            State s = d.get().status() == Status.CONFIRMED ? State.CONFIRMED : State.REJECTED;
            return new Household(s, others, d.get(), "");
        }
        if (proposed.isEmpty()) {
            return new Household(State.NONE, List.of(), null, "");
        }
        List<Member> members =
                proposed.stream().map(m -> new Member(m.custId(), m.custName())).toList();
        return new Household(State.PROPOSED, members, null, key(custId, members));
    }

    /**
     * The other members of the customer's confirmed household, each with whether their page opens within
     * {@code scope}; empty when the customer is in no confirmed household.
     */
    public List<RelationshipGraph.HouseholdMember> confirmed(String custId, OrgScope scope) {
        Optional<Decision> d = store.ofMember(custId);
        if (d.isEmpty() || d.get().status() != Status.CONFIRMED) {
            return List.of();
        }
        List<RelationshipGraph.HouseholdMember> out = new ArrayList<>();
        for (Member m : d.get().members()) {
            if (!m.custId().equals(custId)) {
                boolean inScope =
                        Customers.find(warehouse.queries(), m.custId(), scope).isPresent();
                out.add(new RelationshipGraph.HouseholdMember(m.custId(), m.custName(), inScope));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Confirms ({@code CONFIRM}) or rejects ({@code REJECT}) the household the data proposes for {@code custId}.
     *
     * @param members the ids of the proposal the staff saw (the customer and the members, comma-separated)
     * @throws Rejected naming the field: {@code decision} neither, or the other decision already made;
     *     {@code custId} nothing proposed; {@code members} not the proposal as it stands, or a member already in
     *     another household
     * @throws NotFound the customer does not exist or lies outside the staff's scope
     */
    @Transactional
    public Decided decide(String custId, @Nullable String decision, @Nullable String members, StaffPrincipal staff) {
        Status status;
        String d = decision == null ? "" : decision.strip();
        if (d.equals("CONFIRM")) {
            status = Status.CONFIRMED;
        } else if (d.equals("REJECT")) {
            status = Status.REJECTED;
        } else {
            throw new Rejected("decision", "crm.household.decision");
        }
        OrgScope scope = staff.scope();
        Customer360.Identity c =
                Customers.find(warehouse.queries(), custId, scope).orElseThrow(() -> new NotFound("customer", custId));
        List<Customer360.HouseholdMember> proposed = warehouse
                .queries()
                .named("crm/household")
                .bind("cust_id", custId)
                .within(OrgRows.of(scope))
                .list(Customer360.HouseholdMember.class);
        String village = c.villageName() == null ? "" : c.villageName();
        String address = c.address();
        Optional<Decision> earlier = address == null ? Optional.empty() : store.ofAddress(village, address);
        if (earlier.isEmpty()) {
            earlier = store.ofMember(custId);
        }
        if (earlier.isPresent()) {
            if (earlier.get().status() != status) {
                throw new Rejected(
                        "decision",
                        "crm.household.decided." + earlier.get().status().name(),
                        earlier.get().decidedBy());
            }
            return new Decided(earlier.get(), true);
        }
        if (address == null || proposed.isEmpty()) {
            throw new Rejected("custId", "crm.household.none");
        }
        List<Member> all = new ArrayList<>();
        all.add(new Member(custId, c.custName()));
        proposed.forEach(m -> all.add(new Member(m.custId(), m.custName())));
        if (members == null || !ids(members).equals(ids(key(custId, all.subList(1, all.size()))))) {
            throw new Rejected("members", "crm.household.changed");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!store.insert(village, address, status, c.orgPath(), staff.username(), now)) {
            Decision other = store.ofAddress(village, address).orElseThrow();
            if (other.status() != status) {
                throw new Rejected(
                        "decision", "crm.household.decided." + other.status().name(), other.decidedBy());
            }
            return new Decided(other, true);
        }
        long id = store.ofAddress(village, address).orElseThrow().householdId();
        for (Member m : all) {
            if (!store.addMember(id, m)) {
                throw new Rejected("members", "crm.household.memberTaken", m.custId());
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("members", all.stream().map(Member::custId).toList());
        audit.record(
                status == Status.CONFIRMED ? "crm.household.confirm" : "crm.household.reject",
                "household",
                Long.toString(id),
                Map.of(),
                after);
        return new Decided(store.ofAddress(village, address).orElseThrow(), false);
    }

    /** The ids of a proposal as the form carries them: the customer first, then the members, comma-separated. */
    static String key(String custId, List<Member> members) {
        StringBuilder s = new StringBuilder(custId);
        members.forEach(m -> s.append(',').append(m.custId()));
        return s.toString();
    }

    private static TreeSet<String> ids(String list) {
        TreeSet<String> out = new TreeSet<>();
        Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .forEach(out::add);
        return out;
    }
}
