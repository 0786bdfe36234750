package org.ruralbank.directconnect.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ruralbank.directconnect.TreasuryPayments;
import org.ruralbank.directconnect.TreasuryPayments.FileError;
import org.ruralbank.directconnect.TreasuryPayments.LoadResult;
import org.ruralbank.directconnect.TreasuryPayments.Outcome;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quota files of finance bureaus, loaded into the quota ledger (what a load guarantees is written at
 * {@link TreasuryPayments#load}). Lock order of a load: the bureau's row (one load at a time per bureau), then its
 * quotas in key order.
 */
@Component
class QuotaLoads {

    private final JdbcClient db;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    QuotaLoads(JdbcClient db, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Loads a bureau's quota file (see {@link TreasuryPayments#load}); {@code orgPath} is the bureau's. */
    LoadResult load(String enterpriseId, String orgPath, String loadId, byte[] file, LocalDate businessDate) {
        QuotaFile.Parsed parsed = QuotaFile.read(file);
        if (!parsed.errors().isEmpty()) {
            return new LoadResult(loadId, Outcome.BAD_FILE, parsed.fiscalYear(), 0, 0, 0, parsed.errors());
        }
        String hash = PartnerOperations.sha256(file);
        try {
            return tx.execute(s -> apply(enterpriseId, orgPath, loadId, hash, parsed, businessDate));
        } catch (DuplicateKeyException sameId) {
            return earlierLoad(enterpriseId, loadId, hash).orElseThrow(() -> sameId);
        } catch (Refused refused) {
            return new LoadResult(loadId, Outcome.BAD_FILE, parsed.fiscalYear(), 0, 0, 0, refused.errors);
        }
    }

    private LoadResult apply(
            String enterpriseId,
            String orgPath,
            String loadId,
            String hash,
            QuotaFile.Parsed file,
            LocalDate businessDate) {
        Optional<LoadResult> earlier = earlierLoad(enterpriseId, loadId, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        int year = file.fiscalYear();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // claims the load id (a concurrent twin waits here, then fails as a duplicate and answers as a replay)
        db.sql(
                        "insert into dc_quota_load (enterprise_id, load_id, content_hash, fiscal_year, line_count, "
                                + "changed_count, granted_fen, business_date, created_at) values (:e, :l, :h, :y, :n, 0, 0, :d, :now)")
                .param("e", enterpriseId)
                .param("l", loadId)
                .param("h", hash)
                .param("y", year)
                .param("n", file.lines().size())
                .param("d", businessDate)
                .param("now", now)
                .update();
        // lock order of a load: the bureau's row (one load at a time per bureau), then its quotas in key order
        db.sql("select enterprise_id from dc_enterprise where enterprise_id = :e for update")
                .param("e", enterpriseId)
                .query(String.class)
                .single();
        Map<String, long[]> current = new TreeMap<>();
        Map<String, String[]> names = new TreeMap<>();
        db.sql("select budget_unit, economic_code, granted_fen, paid_fen, refunded_fen, budget_unit_name, "
                        + "economic_name from dc_quota where enterprise_id = :e and fiscal_year = :y "
                        + "order by budget_unit, economic_code for update")
                .param("e", enterpriseId)
                .param("y", year)
                .query((rs, i) -> {
                    String key = rs.getString(1) + "\u001f" + rs.getString(2);
                    current.put(key, new long[] {rs.getLong(3), rs.getLong(4) - rs.getLong(5)});
                    names.put(key, new String[] {rs.getString(6), rs.getString(7)});
                    return key;
                })
                .list();

        List<FileError> errors = new ArrayList<>();
        Map<String, QuotaFile.Line> wanted = new LinkedHashMap<>();
        for (QuotaFile.Line l : file.lines()) {
            String key = l.budgetUnit() + "\u001f" + l.economicCode();
            wanted.put(key, l);
            long used = current.containsKey(key) ? current.get(key)[1] : 0;
            if (l.quotaFen() < used) {
                errors.add(new FileError(
                        l.line(),
                        "quota_yuan",
                        "below what budget unit " + l.budgetUnit() + " already used of classification "
                                + l.economicCode() + ": " + Money.yuanText(used)));
            }
        }
        for (var c : current.entrySet()) {
            if (!wanted.containsKey(c.getKey()) && c.getValue()[1] > 0) {
                String[] k = c.getKey().split("\u001f");
                errors.add(new FileError(
                        0,
                        "budget_unit_code",
                        "the quota of budget unit " + k[0]
                                + " and classification " + k[1] + " is missing from the file, but "
                                + Money.yuanText(c.getValue()[1]) + " of it is already used"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        int changed = 0;
        long total = 0;
        for (var w : wanted.entrySet()) {
            QuotaFile.Line l = w.getValue();
            total += l.quotaFen();
            long[] now0 = current.get(w.getKey());
            if (now0 == null) {
                db.sql("insert into dc_quota (enterprise_id, fiscal_year, budget_unit, economic_code, "
                                + "budget_unit_name, economic_name, granted_fen) values (:e, :y, :u, :c, :un, :cn, :g)")
                        .param("e", enterpriseId)
                        .param("y", year)
                        .param("u", l.budgetUnit())
                        .param("c", l.economicCode())
                        .param("un", l.budgetUnitName())
                        .param("cn", l.economicName())
                        .param("g", l.quotaFen())
                        .update();
            } else if (now0[0] != l.quotaFen()
                    || !names.get(w.getKey())[0].equals(l.budgetUnitName())
                    || !names.get(w.getKey())[1].equals(l.economicName())) {
                db.sql("update dc_quota set granted_fen = :g, budget_unit_name = :un, economic_name = :cn where "
                                + Treasury.QUOTA_KEY)
                        .param("g", l.quotaFen())
                        .param("un", l.budgetUnitName())
                        .param("cn", l.economicName())
                        .param("e", enterpriseId)
                        .param("y", year)
                        .param("u", l.budgetUnit())
                        .param("c", l.economicCode())
                        .update();
            }
            long delta = l.quotaFen() - (now0 == null ? 0 : now0[0]);
            if (delta != 0) {
                grant(enterpriseId, year, l.budgetUnit(), l.economicCode(), loadId, delta, businessDate, now);
                changed++;
            }
        }
        for (var c : current.entrySet()) {
            if (!wanted.containsKey(c.getKey()) && c.getValue()[0] != 0) {
                String[] k = c.getKey().split("\u001f");
                db.sql("update dc_quota set granted_fen = 0 where " + Treasury.QUOTA_KEY)
                        .param("e", enterpriseId)
                        .param("y", year)
                        .param("u", k[0])
                        .param("c", k[1])
                        .update();
                grant(enterpriseId, year, k[0], k[1], loadId, -c.getValue()[0], businessDate, now);
                changed++;
            }
        }
        db.sql("update dc_quota_load set changed_count = :ch, granted_fen = :g where enterprise_id = :e "
                        + "and load_id = :l")
                .param("ch", changed)
                .param("g", total)
                .param("e", enterpriseId)
                .param("l", loadId)
                .update();
        LoadResult result =
                new LoadResult(loadId, Outcome.OK, year, file.lines().size(), changed, total, List.of());
        audit.recordAs(
                "partner:" + enterpriseId,
                orgPath,
                "dc.treasury.load",
                AuditLog.Outcome.OK,
                "dcQuotaLoad",
                enterpriseId + " " + loadId,
                null,
                Map.of(
                        "fiscalYear",
                        year,
                        "lines",
                        result.lines(),
                        "changed",
                        changed,
                        "granted",
                        Money.yuanText(total)));
        return result;
    }

    private void grant(
            String enterpriseId,
            int year,
            String unit,
            String code,
            String loadId,
            long deltaFen,
            LocalDate businessDate,
            OffsetDateTime now) {
        db.sql("insert into dc_quota_posting (enterprise_id, fiscal_year, budget_unit, economic_code, kind, ref_id, "
                        + "amount_fen, reason, business_date, created_at) values (:e, :y, :u, :c, 'GRANT', :l, :a, :r, :d, "
                        + ":now)")
                .param("e", enterpriseId)
                .param("y", year)
                .param("u", unit)
                .param("c", code)
                .param("l", loadId)
                .param("a", deltaFen)
                .param("r", "quota file " + loadId)
                .param("d", businessDate)
                .param("now", now)
                .update();
    }

    private Optional<LoadResult> earlierLoad(String enterpriseId, String loadId, String hash) {
        return db.sql("select content_hash, fiscal_year, line_count, changed_count, granted_fen from dc_quota_load "
                        + "where enterprise_id = :e and load_id = :l")
                .param("e", enterpriseId)
                .param("l", loadId)
                .query((rs, i) -> hash.equals(rs.getString(1))
                        ? new LoadResult(
                                loadId,
                                Outcome.EXISTS,
                                rs.getInt(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getLong(5),
                                List.of())
                        : new LoadResult(
                                loadId,
                                Outcome.EXISTS_WITH_DIFFERENT_CONTENT,
                                rs.getInt(2),
                                0,
                                0,
                                0,
                                List.of(new FileError(
                                        1,
                                        "file",
                                        "load id " + loadId + " was already used for "
                                                + "another file; nothing was changed"))))
                .optional();
    }

    /** A load refused as a whole: its transaction rolls back. */
    private static final class Refused extends RuntimeException {
        private final transient List<FileError> errors;

        Refused(List<FileError> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }
}
