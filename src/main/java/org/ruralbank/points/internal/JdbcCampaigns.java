package org.ruralbank.points.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.ruralbank.points.Campaign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The store of campaigns; a code is proposed once (its unique key). */
@Repository
public class JdbcCampaigns {

    private static final String COLUMNS = "campaign_id, code, campaign_name, multiplier_pct, valid_from, valid_to, "
            + "org_path, min_deposit_fen, status, maker, checker";

    private final JdbcClient db;
    private final Clock clock;

    JdbcCampaigns(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Campaign> all() {
        return db.sql("select " + COLUMNS + " from pt_campaign order by valid_from desc, code")
                .query(JdbcCampaigns::campaign)
                .list();
    }

    /** The approved campaigns whose range covers the date. */
    public List<Campaign> inForce(LocalDate date) {
        return db.sql("select " + COLUMNS + " from pt_campaign where status = 'APPROVED' and valid_from <= :d "
                        + "and valid_to >= :d order by campaign_id")
                .param("d", date)
                .query(JdbcCampaigns::campaign)
                .list();
    }

    public Optional<Campaign> find(long id) {
        return db.sql("select " + COLUMNS + " from pt_campaign where campaign_id = :id")
                .param("id", id)
                .query(JdbcCampaigns::campaign)
                .optional();
    }

    /** Inserts a PENDING campaign; empty when its code is taken (the unique key refuses it). */
    public Optional<Long> propose(
            String code,
            String name,
            int multiplierPct,
            LocalDate from,
            LocalDate to,
            @Nullable String orgPath,
            @Nullable Long minDepositFen,
            String maker) {
        int inserted = db.sql("""
                insert into pt_campaign (code, campaign_name, multiplier_pct, valid_from, valid_to, org_path,
                                         min_deposit_fen, status, maker, made_at)
                values (:c, :n, :m, :f, :t, :o, :d, 'PENDING', :mk, :now) on conflict do nothing
                """)
                .param("c", code)
                .param("n", name)
                .param("m", multiplierPct)
                .param("f", from)
                .param("t", to)
                .param("o", orgPath)
                .param("d", minDepositFen)
                .param("mk", maker)
                .param("now", OffsetDateTime.now(clock))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(db.sql("select campaign_id from pt_campaign where code = :c")
                .param("c", code)
                .query(Long.class)
                .single());
    }

    public boolean decide(long id, String status, String checker) {
        return Decisions.decide(db, clock, "pt_campaign", "campaign_id", id, status, checker);
    }

    private static Campaign campaign(ResultSet rs, int i) throws SQLException {
        return new Campaign(
                rs.getLong("campaign_id"),
                rs.getString("code"),
                rs.getString("campaign_name"),
                rs.getInt("multiplier_pct"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("org_path"),
                rs.getObject("min_deposit_fen", Long.class),
                rs.getString("status"),
                rs.getString("maker"),
                rs.getString("checker"));
    }
}
