package org.ruralbank.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.GrantProposal;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Rejected;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.UserChange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The grant proposals that wait for a second person (maker-checker), in the operational store: proposed, found and
 * decided, each step audited. Whether a change needs a proposal, and who may decide it, is {@link JdbcStaffUsers}'s
 * to say; a proposal is decided at most once, because the update only touches a pending row.
 */
@Repository
class GrantProposals {

    private static final String PROPOSALS = """
            select proposal_id, kind, user_id, username, display_name, org_id, staff_id, roles, data_scope, enabled,
                   status, maker, made_at, checker, checked_at, outcome
              from staff_grant_proposal
            """;

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    GrantProposals(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** The pending proposals within the grantor's reach, oldest first. */
    List<GrantProposal> pending(Grantor grantor) {
        OrgScope.Condition c = grantor.reach().where("org_path", null);
        return db.sql(PROPOSALS + " where status = 'PENDING' and " + c.sql() + " order by proposal_id")
                .params(c.params())
                .query(GrantProposals::proposal)
                .list();
    }

    Optional<GrantProposal> find(long proposalId) {
        return db.sql(PROPOSALS + " where proposal_id = :id")
                .param("id", proposalId)
                .query(GrantProposals::proposal)
                .optional();
    }

    UserChange.Proposed propose(GrantProposal p, String orgPath, Grantor maker) {
        GrantProposal.Access a = p.access();
        var keys = new GeneratedKeyHolder();
        try {
            db.sql("""
                    insert into staff_grant_proposal (kind, user_id, username, display_name, org_id, staff_id, roles,
                                                      data_scope, enabled, org_path, status, maker, made_at,
                                                      pending_username)
                    values (:kind, :user, :username, :name, :org, :staff, :roles, :scope, :enabled, :path, 'PENDING',
                            :maker, :now, :username)
                    """)
                    .param("kind", p.kind().name())
                    .param("user", p.userId())
                    .param("username", p.username())
                    .param("name", a == null ? null : a.displayName())
                    .param("org", a == null ? null : a.orgId())
                    .param("staff", a == null ? null : a.staffId())
                    .param("roles", a == null ? null : StaffUserRows.roleList(a.roles()))
                    .param("scope", a == null ? null : a.dataScope().name())
                    .param("enabled", a == null ? null : a.enabled())
                    .param("path", orgPath)
                    .param("maker", maker.name())
                    .param("now", OffsetDateTime.now(clock))
                    .update(keys, "proposal_id");
        } catch (DuplicateKeyException pending) {
            throw new Rejected("username", "user.rejected.pendingProposal", p.username());
        }
        long id = keys.getKeyAs(Number.class).longValue();
        audit.recordAs(
                maker.name(),
                maker.orgPath(),
                "user.grant.propose",
                AuditLog.Outcome.OK,
                "proposal",
                String.valueOf(id),
                null,
                describe(find(id).orElseThrow()));
        return new UserChange.Proposed(id, p.username());
    }

    void decide(GrantProposal p, String status, StaffPrincipal checker, String outcome) {
        int changed = db.sql("""
                update staff_grant_proposal set status = :st, checker = :c, checked_at = :now, outcome = :o,
                       pending_username = null
                 where proposal_id = :id and status = 'PENDING'
                """)
                .param("st", status)
                .param("c", checker.username())
                .param("now", OffsetDateTime.now(clock))
                .param("o", outcome)
                .param("id", p.proposalId())
                .update();
        if (changed != 1) {
            throw new Rejected("proposalId", "user.rejected.notPending");
        }
        audit.recordAs(
                checker.username(),
                checker.orgPath(),
                "user.grant." + ("APPROVED".equals(status) ? "approve" : "reject"),
                AuditLog.Outcome.OK,
                "proposal",
                String.valueOf(p.proposalId()),
                describe(p),
                describe(find(p.proposalId()).orElseThrow()));
    }

    private static GrantProposal proposal(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : id;
        String scope = rs.getString("data_scope");
        GrantProposal.Access access = scope == null
                ? null
                : new GrantProposal.Access(
                        rs.getString("display_name"),
                        rs.getString("org_id"),
                        rs.getString("staff_id"),
                        StaffUserRows.roles(rs.getString("roles")),
                        DataScope.valueOf(scope),
                        rs.getBoolean("enabled"));
        return new GrantProposal(
                rs.getLong("proposal_id"),
                GrantProposal.Kind.valueOf(rs.getString("kind")),
                userId,
                rs.getString("username"),
                access,
                rs.getString("status"),
                rs.getString("maker"),
                rs.getObject("made_at", OffsetDateTime.class),
                rs.getString("checker"),
                rs.getObject("checked_at", OffsetDateTime.class),
                rs.getString("outcome"));
    }

    static Map<String, Object> describe(GrantProposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind().name());
        m.put("username", p.username());
        if (p.access() != null) {
            m.put("displayName", p.access().displayName());
            m.put("orgId", p.access().orgId());
            m.put("roles", StaffUserRows.roleList(p.access().roles()));
            m.put("dataScope", p.access().dataScope().name());
            m.put("enabled", p.access().enabled());
        }
        m.put("status", p.status());
        m.put("maker", p.maker());
        m.put("checker", p.checker());
        return m;
    }
}
