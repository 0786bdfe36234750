package org.ruralbank.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The head office's departments and who works in which (a member of staff in at most one department). Changes are
 * made by a whole-bank administrator and audited ({@code department.create}, {@code department.head},
 * {@code department.assign}); refusals name the field.
 */
public interface Departments {

    /** The departments whose org the scope covers, by id. */
    List<Department> list(OrgScope scope);

    Optional<Department> find(String deptId);

    /** The open departments whose head is this member of staff. */
    List<Department> headedBy(@Nullable String staffId);

    /** Every member of staff assigned to a department: staff id → department id, by staff id. */
    Map<String, String> members();

    /** The members of one department, by staff id. */
    List<String> members(String deptId);

    /**
     * Creates a department of the head office; refuses a bad id (1-12 letters or digits) or name (≤ 60 characters),
     * an id or name taken, an org that is not the head office.
     */
    Department create(String deptId, String name, String orgId, OrgScope scope);

    /** Names a department's head, who becomes a member of it (moving from any other department). */
    Department appointHead(String deptId, String staffId, OrgScope scope);

    /** Assigns a member of staff to a department ({@code deptId} blank: to none). */
    void assign(String staffId, @Nullable String deptId, OrgScope scope);
}
