package org.ruralbank.appraisal.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.ruralbank.appraisal.FtpCurves;
import org.ruralbank.appraisal.FtpCurves.Curve;
import org.ruralbank.appraisal.FtpCurves.Proposal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * FTP curves and the proposals waiting for a checker in the operational store (tables of V19). A date has at most one
 * curve (primary key) and at most one open proposal (unique index on {@code pending_date}): a second one surfaces as
 * {@link org.springframework.dao.DuplicateKeyException} for the caller to refuse. A proposal keeps its rates as text,
 * {@code term=rate} pairs in term order ({@link #ratesText}).
 */
@Repository
public class JdbcFtpCurves {

    private final JdbcClient db;

    JdbcFtpCurves(JdbcClient db) {
        this.db = db;
    }

    /** Every curve, newest first, its rates as stored (the caller orders them by term). */
    public List<Curve> curves() {
        Map<LocalDate, Map<String, BigDecimal>> rates = new TreeMap<>(Comparator.reverseOrder());
        db.sql("select curve_date, term, rate from ftp_curve_point").query(rs -> {
            rates.computeIfAbsent(rs.getObject("curve_date", LocalDate.class), d -> new LinkedHashMap<>())
                    .put(rs.getString("term"), rs.getBigDecimal("rate"));
        });
        List<Curve> curves = new ArrayList<>();
        db.sql("select curve_date, source, maker, checker from ftp_curve order by curve_date desc")
                .query(rs -> {
                    LocalDate d = rs.getObject("curve_date", LocalDate.class);
                    curves.add(new Curve(
                            d,
                            rates.getOrDefault(d, Map.of()),
                            rs.getString("source"),
                            rs.getString("maker"),
                            rs.getString("checker")));
                });
        return curves;
    }

    /** Whether a curve of the date is applied. */
    public boolean exists(LocalDate date) {
        return db.sql("select count(*) from ftp_curve where curve_date = :d")
                        .param("d", date)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Applies a curve: its row and one point per term. */
    public void apply(
            LocalDate date,
            Map<String, BigDecimal> rates,
            String source,
            String maker,
            String checker,
            OffsetDateTime at) {
        db.sql("insert into ftp_curve (curve_date, source, maker, checker, applied_at) values (:d, :s, :m, :c, :at)")
                .param("d", date)
                .param("s", source)
                .param("m", maker)
                .param("c", checker)
                .param("at", at)
                .update();
        for (Map.Entry<String, BigDecimal> r : rates.entrySet()) {
            db.sql("insert into ftp_curve_point (curve_date, term, rate) values (:d, :t, :r)")
                    .param("d", date)
                    .param("t", r.getKey())
                    .param("r", r.getValue())
                    .update();
        }
    }

    /** The rates of a proposal as it keeps them and as its audit entry shows them: {@code O/N=0.015000,1M=...}. */
    public static String ratesText(Map<String, BigDecimal> rates) {
        StringJoiner text = new StringJoiner(",");
        rates.forEach((t, r) -> text.add(t + "=" + r.toPlainString()));
        return text.toString();
    }

    /** Inserts a pending proposal and returns its id; refused by the database when the date has one open. */
    public long propose(LocalDate date, Map<String, BigDecimal> rates, String maker, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        db.sql("insert into ftp_curve_proposal (curve_date, rates, status, maker, made_at, pending_date) "
                        + "values (:d, :r, 'PENDING', :m, :at, :d)")
                .param("d", date)
                .param("r", ratesText(rates))
                .param("m", maker)
                .param("at", at)
                .update(keys, "proposal_id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Approves or rejects a pending proposal; returns 0 when it was no longer pending. */
    public int decide(long proposalId, boolean approve, String checker, OffsetDateTime at) {
        return db.sql("update ftp_curve_proposal set status = :s, checker = :c, checked_at = :at, "
                        + "pending_date = null where proposal_id = :id and status = 'PENDING'")
                .param("s", approve ? "APPROVED" : "REJECTED")
                .param("c", checker)
                .param("at", at)
                .param("id", proposalId)
                .update();
    }

    /** The latest 100 proposals, newest first. */
    public List<Proposal> proposals() {
        return db.sql("select proposal_id, curve_date, rates, status, maker, made_at, checker from ftp_curve_proposal "
                        + "order by proposal_id desc fetch first 100 rows only")
                .query((rs, n) -> {
                    Map<String, BigDecimal> r = new LinkedHashMap<>();
                    for (String kv : rs.getString("rates").split(",")) {
                        String[] p = kv.split("=");
                        r.put(p[0], new BigDecimal(p[1]));
                    }
                    return new Proposal(
                            rs.getLong("proposal_id"),
                            rs.getObject("curve_date", LocalDate.class),
                            r,
                            rs.getString("status"),
                            rs.getString("maker"),
                            rs.getObject("made_at", OffsetDateTime.class),
                            rs.getString("checker"));
                })
                .list();
    }

    /** Every point of every curve by date and term, with the term's days: the rows of {@code ref.ftp_curve}. */
    public List<List<Object>> points() {
        return db.sql("select curve_date, term, rate from ftp_curve_point order by curve_date, term")
                .query((rs, n) -> List.<Object>of(
                        rs.getObject("curve_date", LocalDate.class),
                        rs.getString("term"),
                        FtpCurves.TERMS.get(rs.getString("term")),
                        rs.getBigDecimal("rate")))
                .list();
    }
}
