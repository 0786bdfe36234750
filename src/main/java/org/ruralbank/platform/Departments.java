package org.ruralbank.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The head office's departments and who works in which, effective-dated: a member of staff joins a department from
 * a date and leaves it from a date, the memberships of one member of staff never overlap (one department on any
 * day), and what was in force on a date stays readable ({@link #membersOn}, {@link #history}). Changes are made by a
 * whole-bank administrator, in one transaction each, and audited ({@code department.create}, {@code department.head},
 * {@code department.assign}, {@code department.leave}); refusals name the field and save nothing.
 */
public interface Departments {

    /** The departments whose org the scope covers, by id. */
    List<Department> list(OrgScope scope);

    Optional<Department> find(String deptId);

    /** The open departments whose head is this member of staff. */
    List<Department> headedBy(@Nullable String staffId);

    /** Every member of staff in a department on the date: staff id → department id, by staff id. */
    Map<String, String> membersOn(LocalDate date);

    /** The members of one department on the date, by staff id. */
    List<String> members(String deptId, LocalDate date);

    /** Every membership of the department, past, present and future, by start date and staff id. */
    List<Membership> history(String deptId);

    /** Every membership of a member of staff, by start date. */
    List<Membership> memberships(String staffId);

    /**
     * Creates a department of the head office; refuses a bad id (1-12 letters or digits) or name (≤ 60 characters),
     * an id or name taken, an org that is not the head office.
     */
    Department create(String deptId, String name, String orgId, OrgScope scope);

    /**
     * Names a department's head, who is a member of it from {@code from} (joining it as {@link #join} does unless
     * already a member on that day).
     */
    Department appointHead(String deptId, String staffId, LocalDate from, OrgScope scope);

    /**
     * The member of staff works in the department from {@code from} on. A membership of another department they hold
     * open from before that day ends the day before (a move); refused, nothing saved, when the new membership would
     * overlap any other of theirs (one that begins on or after {@code from}, a closed one reaching into it, or the
     * same department already), naming it.
     */
    void join(String staffId, String deptId, LocalDate from, OrgScope scope);

    /**
     * The member of staff leaves their department from {@code from} (the first day outside it): their open
     * membership ends the day before, and they stop being its head. Refused when they hold no open membership, or
     * when {@code from} is not after the day they joined (a leave before the join).
     */
    void leave(String staffId, LocalDate from, OrgScope scope);

    /** A membership: the member of staff works in the department from {@code from} to {@code to}, both inclusive. */
    record Membership(String staffId, String deptId, LocalDate from, LocalDate to) {

        /** The end of a membership nobody has left. */
        public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

        public boolean open() {
            return to.equals(OPEN_END);
        }

        public boolean inForce(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }
}
