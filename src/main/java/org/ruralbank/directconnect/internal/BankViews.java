package org.ruralbank.directconnect.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.directconnect.CoreBanking;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.PageOf;
import org.ruralbank.shared.Money;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What bank staff see of the direct connection, always through their org scope. */
@Service
public class BankViews {

    private final JdbcClient db;
    private final CoreBanking core;

    BankViews(JdbcClient db, CoreBanking core) {
        this.db = db;
        this.core = core;
    }

    public record EnterpriseRow(
            String enterpriseId,
            String name,
            String kind,
            String orgId,
            String status,
            String perTxnLimit,
            String dailyLimit,
            long accounts,
            long keys) {}

    public record AccountRow(
            String accountNo,
            String accountName,
            String kind,
            String owner,
            boolean view,
            boolean pay,
            boolean sweep,
            String booked,
            String available,
            String perTxnLimit,
            String dailyLimit) {}

    public record InstructionRow(
            long instructionId,
            String enterpriseId,
            String channel,
            String idemKey,
            String debitAccount,
            String creditAccount,
            String creditorName,
            String amount,
            boolean interBank,
            LocalDate businessDate,
            String status,
            String reasonCode,
            String reasonText,
            String transferId,
            OffsetDateTime createdAt) {

        /** The reason of a refused instruction (its meaning is shown beside its code), or null. */
        public @Nullable StatusReason reason() {
            return reasonCode == null ? null : StatusReason.of(reasonCode);
        }

        /**
         * The data of the refusal's words (accounts, ids, amounts), for a page in a language other than the words':
         * the words are the API's, in English, and the page says the reason's meaning in its own language.
         */
        public @Nullable String reasonData() {
            return dataOf(reasonText);
        }
    }

    /**
     * The data in an API's English words: the tokens with a digit in them (an account, an id, an amount), as they
     * are, one after another; null when there is none.
     */
    static @Nullable String dataOf(@Nullable String words) {
        if (words == null) {
            return null;
        }
        List<String> data = new ArrayList<>();
        for (String token : words.split("\\s+")) {
            String t = token.replaceAll("^[(\"'\\[]+|[)\"'\\].,;:]+$", "");
            if (t.chars().anyMatch(Character::isDigit)) {
                data.add(t);
            }
        }
        return data.isEmpty() ? null : String.join(" ", data);
    }

    /**
     * An event of an instruction's history. Its detail is stored as the words of the step that wrote it (English, or
     * the partner's reason); {@code detailKey} is the message that says it in the reader's language (null when none
     * does) and {@code detailData} the ids or the partner's own words it is about, shown as they are.
     */
    public record EventRow(
            OffsetDateTime occurredAt,
            String status,
            String actor,
            @Nullable String detail,
            @Nullable String detailKey,
            @Nullable String detailData) {

        /** Whether the detail is a refusal's words, in the API's English (shown as they are on an English page only). */
        public boolean refusalWords() {
            return detailKey != null && detailKey.startsWith("dc.reason.");
        }

        /** The data of a refusal's words (accounts, ids, amounts), for a page in another language. */
        public @Nullable String refusalData() {
            return dataOf(detailData);
        }

        private static final Pattern POSTED = Pattern.compile("posted as (\\S+)");
        private static final Pattern RESERVED = Pattern.compile("reserved for the clearing hand-off as (\\S+)");
        private static final Pattern REFUSED = Pattern.compile("([A-Z0-9]{4}) (.*)", Pattern.DOTALL);

        static EventRow of(OffsetDateTime at, String status, String actor, @Nullable String detail) {
            String d = detail == null ? "" : detail;
            Matcher m;
            if ("RCVD".equals(status)) {
                return new EventRow(at, status, actor, detail, "dc.event.received", d);
            }
            if ((m = POSTED.matcher(d)).matches()) {
                return new EventRow(at, status, actor, detail, "dc.event.posted", m.group(1));
            }
            if ((m = RESERVED.matcher(d)).matches()) {
                return new EventRow(at, status, actor, detail, "dc.event.reserved", m.group(1));
            }
            if (d.equals("settled by the clearing")) {
                return new EventRow(at, status, actor, detail, "dc.event.settled", null);
            }
            if (d.equals("returned by the clearing")) {
                return new EventRow(at, status, actor, detail, "dc.event.returned", null);
            }
            if ((m = REFUSED.matcher(d)).matches() && StatusReason.known(m.group(1))) {
                return new EventRow(at, status, actor, detail, "dc.reason." + m.group(1), m.group(2));
            }
            return new EventRow(at, status, actor, detail, null, d);
        }
    }

    /**
     * A difference between the executed instructions and the core's postings of a date: its kind, the
     * instruction's and the posting's ids, account and amount, and for a {@code MISMATCH} the core's account and
     * amount (the page says what the kind means in the reader's language, {@code dc.break.detail.<kind>}).
     */
    public record Break(
            String kind,
            @Nullable Long instructionId,
            String transferId,
            String account,
            String amount,
            @Nullable String coreAccount,
            @Nullable String coreAmount) {}

    public PageOf<EnterpriseRow> enterprises(OrgScope scope, String keyword, int page, int size) {
        OrgScope.Condition c = scope.where("e.org_path", null);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        String where = " where " + c.sql();
        if (keyword != null && !keyword.isBlank()) {
            where += " and (lower(e.enterprise_id) like :kw or lower(e.name) like :kw)";
            params.put("kw", "%" + keyword.trim().toLowerCase() + "%");
        }
        long total = db.sql("select count(*) from dc_enterprise e" + where)
                .params(params)
                .query(Long.class)
                .single();
        PageOf<EnterpriseRow> shape = new PageOf<>(List.of(), page, size, total);
        List<EnterpriseRow> items = db.sql("""
                select e.enterprise_id, e.name, e.kind, e.org_id, e.status, e.per_txn_limit_fen, e.daily_limit_fen,
                       (select count(*) from dc_grant g where g.enterprise_id = e.enterprise_id),
                       (select count(*) from dc_key k where k.enterprise_id = e.enterprise_id and k.status = 'ACTIVE')
                  from dc_enterprise e""" + where + " order by e.enterprise_id limit :l offset :o")
                .params(params)
                .param("l", size)
                .param("o", shape.offset())
                .query((rs, i) -> new EnterpriseRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Money.yuanText(rs.getLong(6)),
                        Money.yuanText(rs.getLong(7)),
                        rs.getLong(8),
                        rs.getLong(9)))
                .list();
        return new PageOf<>(items, page, size, total);
    }

    public Optional<EnterpriseRow> enterprise(String enterpriseId, OrgScope scope) {
        OrgScope.Condition c = scope.where("e.org_path", null);
        return db.sql("""
                select e.enterprise_id, e.name, e.kind, e.org_id, e.status, e.per_txn_limit_fen, e.daily_limit_fen,
                       (select count(*) from dc_grant g where g.enterprise_id = e.enterprise_id),
                       (select count(*) from dc_key k where k.enterprise_id = e.enterprise_id and k.status = 'ACTIVE')
                  from dc_enterprise e where e.enterprise_id = :id and """ + " " + c.sql())
                .params(c.params())
                .param("id", enterpriseId)
                .query((rs, i) -> new EnterpriseRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Money.yuanText(rs.getLong(6)),
                        Money.yuanText(rs.getLong(7)),
                        rs.getLong(8),
                        rs.getLong(9)))
                .optional();
    }

    public List<AccountRow> accounts(String enterpriseId) {
        return db.sql("""
                select g.account_no, a.account_name, a.kind, a.enterprise_id, g.can_view, g.can_pay, g.can_sweep,
                       g.per_txn_limit_fen, g.daily_limit_fen
                  from dc_grant g join dc_account a on a.account_no = g.account_no
                 where g.enterprise_id = :e order by g.account_no
                """)
                .param("e", enterpriseId)
                .query((rs, i) -> {
                    CoreBanking.Balance b = core.balance(rs.getString(1)).orElseThrow();
                    Long pt = rs.getObject(8, Long.class);
                    Long d = rs.getObject(9, Long.class);
                    return new AccountRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            rs.getBoolean(6),
                            rs.getBoolean(7),
                            Money.yuanText(b.bookedFen()),
                            Money.yuanText(b.availableFen()),
                            pt == null ? "" : Money.yuanText(pt),
                            d == null ? "" : Money.yuanText(d));
                })
                .list();
    }

    public Optional<String> webhook(String enterpriseId) {
        return db.sql("select url from dc_webhook where enterprise_id = :e")
                .param("e", enterpriseId)
                .query(String.class)
                .optional();
    }

    public List<String> poolIds(String enterpriseId) {
        return db.sql("select pool_id from dc_pool where enterprise_id = :e order by pool_id")
                .param("e", enterpriseId)
                .query(String.class)
                .list();
    }

    /** The instruction monitor: filter by status, enterprise and business date. */
    public PageOf<InstructionRow> instructions(
            OrgScope scope, String status, String enterpriseId, LocalDate date, int page, int size) {
        Filter f = filter(scope, status, enterpriseId, date);
        long total = db.sql("select count(*) from dc_instruction i" + f.where())
                .params(f.params())
                .query(Long.class)
                .single();
        PageOf<InstructionRow> shape = new PageOf<>(List.of(), page, size, total);
        List<InstructionRow> items = db.sql(
                        INSTRUCTIONS + f.where() + " order by i.instruction_id desc " + "limit :l offset :o")
                .params(f.params())
                .param("l", size)
                .param("o", shape.offset())
                .query(BankViews::instruction)
                .list();
        return new PageOf<>(items, page, size, total);
    }

    /** Every instruction the monitor's filter selects, newest first, one at a time (for the Excel export). */
    public void forEachInstruction(
            OrgScope scope, String status, String enterpriseId, LocalDate date, Consumer<InstructionRow> each) {
        Filter f = filter(scope, status, enterpriseId, date);
        db.sql(INSTRUCTIONS + f.where() + " order by i.instruction_id desc")
                .params(f.params())
                .query((RowCallbackHandler) rs -> each.accept(instruction(rs, 0)));
    }

    private record Filter(String where, Map<String, Object> params) {}

    private static Filter filter(OrgScope scope, String status, String enterpriseId, LocalDate date) {
        OrgScope.Condition c = scope.where("i.org_path", null);
        Map<String, Object> params = new LinkedHashMap<>(c.params());
        StringBuilder where = new StringBuilder(" where ").append(c.sql());
        if (status != null && !status.isBlank()) {
            where.append(" and i.status = :st");
            params.put("st", status);
        }
        if (enterpriseId != null && !enterpriseId.isBlank()) {
            where.append(" and i.enterprise_id = :ent");
            params.put("ent", enterpriseId.trim());
        }
        if (date != null) {
            where.append(" and i.business_date = :d");
            params.put("d", date);
        }
        return new Filter(where.toString(), params);
    }

    public Optional<InstructionRow> instruction(long id, OrgScope scope) {
        OrgScope.Condition c = scope.where("i.org_path", null);
        return db.sql(INSTRUCTIONS + " where i.instruction_id = :id and " + c.sql())
                .params(c.params())
                .param("id", id)
                .query(BankViews::instruction)
                .optional();
    }

    public List<EventRow> history(long instructionId) {
        return db.sql("select occurred_at, status, actor, detail from dc_instruction_event where instruction_id = :id "
                        + "order by event_id")
                .param("id", instructionId)
                .query((rs, i) -> EventRow.of(
                        rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Instructions of a business date against the core's postings of that date (through the core-banking port;
     * with the warehouse wired, the core's own posting file): every executed instruction must have its transfer
     * with the same accounts and amount, and every payment posting its instruction.
     */
    public List<Break> reconcile(LocalDate date, OrgScope scope) {
        OrgScope.Condition c = scope.where("i.org_path", null);
        List<InstructionRow> executed = db.sql(
                        INSTRUCTIONS + " where i.business_date = :d and i.transfer_id is not null" + " and " + c.sql())
                .params(c.params())
                .param("d", date)
                .query(BankViews::instruction)
                .list();
        Map<String, CoreBanking.Transfer> postings = new HashMap<>();
        for (CoreBanking.Transfer t : core.transfersOn(date)) {
            if (t.kind() == CoreBanking.Kind.POSTED || t.kind() == CoreBanking.Kind.PENDING) {
                postings.put(t.transferId(), t);
            }
        }
        Map<String, String> accountPaths = new HashMap<>();
        db.sql("select account_no, org_path from dc_account")
                .query((rs, i) -> accountPaths.put(rs.getString(1), rs.getString(2)))
                .list();
        List<Break> breaks = new ArrayList<>();
        java.util.Set<String> matched = new java.util.HashSet<>();
        for (InstructionRow i : executed) {
            CoreBanking.Transfer t = postings.get(i.transferId());
            matched.add(i.transferId());
            if (t == null) {
                breaks.add(new Break(
                        "MISSING_IN_CORE",
                        i.instructionId(),
                        i.transferId(),
                        i.debitAccount(),
                        i.amount(),
                        null,
                        null));
            } else if (!t.debitAccount().equals(i.debitAccount())
                    || !Money.yuanText(t.amountFen()).equals(i.amount())) {
                breaks.add(new Break(
                        "MISMATCH",
                        i.instructionId(),
                        i.transferId(),
                        i.debitAccount(),
                        i.amount(),
                        t.debitAccount(),
                        Money.yuanText(t.amountFen())));
            }
        }
        for (CoreBanking.Transfer t : postings.values()) {
            boolean payment = "PAYMENT".equals(t.code()) || "CLEARING".equals(t.code());
            if (payment && !matched.contains(t.transferId()) && scope.covers(accountPaths.get(t.debitAccount()))) {
                breaks.add(new Break(
                        "UNKNOWN_IN_CORE",
                        null,
                        t.transferId(),
                        t.debitAccount(),
                        Money.yuanText(t.amountFen()),
                        null,
                        null));
            }
        }
        return breaks;
    }

    /**
     * The last business date on which the ledger executed an instruction within the scope: where the reconciliation
     * pages open by default (the day's figures are there; the wall clock's date may have none, as in the demo, whose
     * sample year lies in the past), or today's business date while nothing was executed.
     */
    public LocalDate lastExecutedDate(OrgScope scope, LocalDate today) {
        OrgScope.Condition c = scope.where("org_path", null);
        LocalDate last = db.sql(
                        "select max(business_date) from dc_instruction where transfer_id is not null and " + c.sql())
                .params(c.params())
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        return last != null ? last : today;
    }

    public long executedCount(LocalDate date, OrgScope scope) {
        OrgScope.Condition c = scope.where("org_path", null);
        return db.sql("select count(*) from dc_instruction where business_date = :d and transfer_id is not null and "
                        + c.sql())
                .params(c.params())
                .param("d", date)
                .query(Long.class)
                .single();
    }

    private static final String INSTRUCTIONS = """
            select i.instruction_id, i.enterprise_id, i.channel, i.idem_key, i.debit_account, i.credit_account,
                   i.creditor_name, i.amount_fen, i.amount_text, i.inter_bank, i.business_date, i.status,
                   i.reason_code, i.reason_text, i.transfer_id, i.created_at
              from dc_instruction i""";

    private static InstructionRow instruction(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Long fen = rs.getObject(8, Long.class);
        return new InstructionRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                fen == null ? rs.getString(9) : Money.yuanText(fen),
                rs.getBoolean(10),
                rs.getObject(11, LocalDate.class),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getObject(16, OffsetDateTime.class));
    }
}
