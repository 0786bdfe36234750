package org.ruralbank.testing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.DeliveryTable;
import org.ruralbank.delivery.DeliveryTables;
import org.ruralbank.delivery.DeliveryWriter;
import org.ruralbank.delivery.RecordFormat;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.delivery.TableWriter;

/**
 * A small, self-consistent bank written as T+1 deliveries with the delivery writer: every table of the interface,
 * every layout (DELIMITED with 1 to 3 byte separators, trailing separators, CRLF, gzip, FIXED GBK), Chinese names,
 * balances that carry over from day to day, and a general ledger that agrees with the deposit accounts.
 */
public final class SampleBank {

    public static final String HEAD = "880000";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰"};
    private static final String[] TOWNS = {"城关镇", "郑武镇", "横山乡", "河口镇"};
    private static final String[] CHANNELS = {"CNT", "ATM", "POS", "BMB", "NET", "MOB", "CNT", "BAT"};

    private final Random random;
    private final int customers;
    private final List<String[]> orgs = new ArrayList<>();
    private final List<String> leafOrgs = new ArrayList<>();
    private final List<String[]> custs = new ArrayList<>();
    private final Map<String, long[]> balances = new LinkedHashMap<>();
    private final Map<String, String[]> accounts = new LinkedHashMap<>();
    private final List<String[]> loans = new ArrayList<>();
    private final Map<String, long[]> loanBalances = new LinkedHashMap<>();
    private long seq;
    private boolean first = true;

    public SampleBank(int customers, long seed) {
        this.customers = customers;
        this.random = new Random(seed);
        orgs.add(new String[] {HEAD, "某某农村商业银行总行", "1", null, "城关镇"});
        for (int b = 1; b <= 3; b++) {
            String branch = "8801" + b + "0";
            orgs.add(new String[] {branch, TOWNS[b] + "支行", "2", HEAD, TOWNS[b]});
            leafOrgs.add(branch);
            for (int s = 1; s <= 2; s++) {
                String sub = "8801" + b + s;
                orgs.add(new String[] {sub, TOWNS[b] + "第" + s + "分理处", "3", branch, TOWNS[b]});
                leafOrgs.add(sub);
            }
        }
        for (int i = 0; i < customers; i++) {
            String id = String.format("C%011d", i + 1);
            boolean company = i % 20 == 19;
            String name = company ? TOWNS[i % 4] + "兴农" + (i % 97) + "号合作社" : name();
            String org = leafOrgs.get(i % leafOrgs.size());
            custs.add(new String[] {id, company ? "C" : "P", name, org});
            int n = 1 + (i % 3 == 0 ? 1 : 0);
            for (int a = 0; a < n; a++) {
                String acct = String.format("6221%012d%02d", i + 1, a);
                accounts.put(acct, new String[] {id, org, a == 0 ? "CUR" : "FIX"});
                balances.put(acct, new long[] {100_000 + random.nextInt(5_000_000)});
            }
            if (i % 5 == 0) {
                String contract = String.format("HT%014d", i + 1);
                String loan = String.format("JJ%014d", i + 1);
                long amt = 1_000_000L * (1 + random.nextInt(50));
                loans.add(new String[] {loan, contract, id, org, String.valueOf(amt), company ? "CORP" : "FARM"});
                loanBalances.put(loan, new long[] {amt, i % 37 == 0 ? 3 : i % 11 == 0 ? 2 : 1});
            }
        }
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** Writes the folders of {@code days} consecutive dates from {@code start}, each with READY version 1. */
    public void write(Path inbox, LocalDate start, int days) throws IOException {
        for (int d = 0; d < days; d++) {
            writeDay(inbox, start.plusDays(d), 1);
        }
    }

    /** Writes one date's folder and its READY. */
    public void writeDay(Path inbox, LocalDate date, int version) throws IOException {
        DeliveryWriter w = new DeliveryWriter(inbox, date);
        String ymd = DeliveryFiles.folder(date);
        // CORE: UTF-8, "|" separator
        TableWriter t = open(w, "CORE_ORG", date, StandardCharsets.UTF_8, "7C", false, false, false);
        for (String[] o : orgs) {
            row(t, o[0], o[1], o[2], o[3], o[4], "R", "20000101", "A");
        }
        t = open(w, "CORE_STAFF", date, StandardCharsets.UTF_8, "7C", false, false, false);
        for (int i = 0; i < orgs.size(); i++) {
            row(t, "S" + orgs.get(i)[0], name(), orgs.get(i)[0], i == 0 ? "HEAD" : "CM", "20100301", "A");
        }
        t = open(w, "CORE_CUSTOMER", date, StandardCharsets.UTF_8, "7C", false, false, false);
        for (int i = 0; i < custs.size(); i++) {
            String[] c = custs.get(i);
            boolean changed = !first && random.nextInt(200) == 0;
            if (!first && !changed) {
                continue;
            }
            boolean person = c[1].equals("P");
            row(t, c[0], c[1], c[2], person ? "01" : "21", String.format("3301%014d", i), person ? (i % 2 == 0 ? "M"
                    : "F") : null, person ? "19700101" : null, "138" + String.format("%08d", i),
                    TOWNS[i % 4] + "某村" + (i % 50) + "号", TOWNS[i % 4], "某村", person ? "FARMER" : null, null, c[3],
                    "20150101", first ? "I" : "U");
        }
        // transactions first, so that account balances carry them
        List<String[]> txns = new ArrayList<>();
        List<String> accts = new ArrayList<>(accounts.keySet());
        int txnCount = Math.max(1, customers / 2);
        for (int i = 0; i < txnCount; i++) {
            String acct = accts.get(random.nextInt(accts.size()));
            long[] bal = balances.get(acct);
            long amount = 100 + random.nextInt(300_000);
            boolean debit = random.nextBoolean() && bal[0] >= amount;
            bal[0] += debit ? -amount : amount;
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            LocalDateTime at = date.atTime(8, 0).plusSeconds(random.nextInt(36_000));
            txns.add(new String[] {String.format("%s%010d", ymd, ++seq), ymd, at.format(TS), acct, debit ? "D" : "C",
                    yuan(amount), yuan(bal[0]), channel, "1001", null, "T001", accounts.get(acct)[1], null, null,
                    i % 7 == 0 ? "王小二" : null, null, "0", i % 9 == 0 ? "转账，备注" : null});
        }
        t = open(w, "CORE_DEPOSIT_ACCT", date, StandardCharsets.UTF_8, "7C", false, false, false);
        for (Map.Entry<String, String[]> a : accounts.entrySet()) {
            String[] v = a.getValue();
            boolean fix = v[2].equals("FIX");
            row(t, a.getKey(), v[0], v[1], v[2], "CNY", "20200101", fix ? "20270101" : null, fix ? "36" : null,
                    fix ? "0.0175" : "0.0035", yuan(balances.get(a.getKey())[0]), "N", null);
        }
        t = open(w, "CORE_DEPOSIT_TXN", date, StandardCharsets.UTF_8, "7C", false, false, false);
        for (String[] x : txns) {
            row(t, x);
        }
        t = open(w, "CORE_CARD", date, StandardCharsets.UTF_8, "7C", false, false, false);
        for (Map.Entry<String, String[]> a : accounts.entrySet()) {
            if (a.getValue()[2].equals("CUR")) {
                row(t, "62" + a.getKey().substring(4, 18) + "001", a.getKey(), a.getValue()[0], "JN",
                        a.getKey().hashCode() % 3 == 0 ? "M" : "I", a.getValue()[1], "20200101", "N", "20200102", null);
            }
        }
        // CRED: GBK, "|+|" separator with a trailing separator
        t = open(w, "CRED_LOAN_CONTRACT", date, TableMeta.GBK, "7C2B7C", true, false, false);
        for (String[] l : loans) {
            row(t, l[1], l[2], l[3], "S" + l[3], l[5], yuan(Long.parseLong(l[4])), "0.0435", "20240101", "20270101",
                    "EPI", "X", "A");
        }
        t = open(w, "CRED_LOAN", date, TableMeta.GBK, "7C2B7C", true, false, false);
        List<String[]> repayments = new ArrayList<>();
        for (String[] l : loans) {
            long[] lb = loanBalances.get(l[0]);
            if (random.nextInt(10) == 0 && lb[0] > 100_000) {
                lb[0] -= 100_000;
                repayments.add(new String[] {String.format("R%s%08d", ymd, ++seq), l[0], ymd, "1000.00", "12.50",
                        "0.00", "CNT"});
            }
            row(t, l[0], l[1], l[2], l[3], "20240101", "20270101", yuan(Long.parseLong(l[4])), yuan(lb[0]), "0.0435",
                    lb[1] > 1 ? "1000.00" : "0.00", "0.00", lb[1] > 1 ? "45" : "0", Long.toString(lb[1]), "A", null);
        }
        t = open(w, "CRED_REPAYMENT", date, TableMeta.GBK, "7C2B7C", true, false, false);
        for (String[] r : repayments) {
            row(t, r);
        }
        t = open(w, "CRED_GUARANTEE", date, TableMeta.GBK, "7C2B7C", true, false, false);
        for (String[] l : loans) {
            row(t, l[1], l[2], "X", yuan(Long.parseLong(l[4])), "信用，无抵押");
        }
        // FIN: FIXED GBK
        t = open(w, "FIN_GL_BALANCE", date, TableMeta.GBK, null, false, false, false);
        Map<String, Long> deposits = new LinkedHashMap<>();
        for (String[] o : orgs) {
            deposits.put(o[0], 0L);
        }
        for (Map.Entry<String, String[]> a : accounts.entrySet()) {
            deposits.merge(a.getValue()[1], balances.get(a.getKey())[0], Long::sum);
        }
        for (Map.Entry<String, Long> e : deposits.entrySet()) {
            row(t, e.getKey(), "2011", "吸收存款", "0.00", yuan(e.getValue()), "0.00", "0.00");
        }
        t = open(w, "FIN_EXPENSE", date, TableMeta.GBK, null, false, false, false);
        row(t, "E" + ymd + "01", HEAD, ymd, "SALARY", null, "12000.00", "工资（本月）");
        // MID: GBK, 0x1D separator, CRLF
        t = open(w, "MID_AGENCY_BATCH", date, TableMeta.GBK, "1D", false, true, false);
        String batch = "B" + ymd + "0001";
        row(t, batch, "PENSION", "区农保办", accts.get(0), HEAD, ymd, "3", "300.00", "2", "200.00");
        t = open(w, "MID_AGENCY_DETAIL", date, TableMeta.GBK, "1D", false, true, false);
        for (int i = 1; i <= 3; i++) {
            row(t, batch, Integer.toString(i), accts.get(i), custs.get(i)[2], "100.00", i == 3 ? "F" : "S",
                    i == 3 ? "账户状态异常" : null);
        }
        // EB: UTF-8, 0x1E separator, gzip
        t = open(w, "EB_USER", date, StandardCharsets.UTF_8, "1E", false, false, true);
        int users = 0;
        for (Map.Entry<String, String[]> a : accounts.entrySet()) {
            if (a.getValue()[2].equals("CUR") && (users++ % 3 == 0)) {
                row(t, "EB" + a.getKey(), a.getValue()[0], "MOB", a.getValue()[1], "20210101", "A", a.getKey(), null,
                        null);
            }
        }
        t = open(w, "EB_TXN", date, StandardCharsets.UTF_8, "1E", false, false, true);
        for (int i = 0; i < Math.max(1, customers / 20); i++) {
            row(t, String.format("EB%s%08d", ymd, ++seq), "EB" + accts.get(0), "MOB", ymd,
                    date.atTime(9, 0).plusSeconds(i).format(TS), "INTR", "50.00", "0.00", "S", accts.get(0), accts.get(1),
                    null);
        }
        t = open(w, "EB_DEVICE", date, StandardCharsets.UTF_8, "1E", false, false, true);
        for (int i = 0; i < leafOrgs.size(); i++) {
            row(t, "ATM" + leafOrgs.get(i), i % 2 == 0 ? "ATM" : "BMB", leafOrgs.get(i), TOWNS[i % 4] + "街道1号",
                    i % 2 == 0 ? "N" : "Y", null, "20200101", "A");
        }
        t = open(w, "EB_DEVICE_TXN", date, StandardCharsets.UTF_8, "1E", false, false, true);
        for (int i = 0; i < Math.max(1, customers / 20); i++) {
            row(t, String.format("DV%s%08d", ymd, ++seq), "ATM" + leafOrgs.get(i % leafOrgs.size()), ymd,
                    date.atTime(10, 0).plusSeconds(i).format(TS), "WDL", "6221000000000001", "OWN", "100.00", "0.00",
                    "S", null);
        }
        // ACQ: UTF-8, tab separator
        t = open(w, "ACQ_MERCHANT", date, StandardCharsets.UTF_8, "09", false, false, false);
        for (int i = 0; i < 5; i++) {
            row(t, String.format("M%014d", i), "便民超市" + i, "5411", custs.get(i)[0], accts.get(i), custs.get(i)[3],
                    "S" + custs.get(i)[3], "农贸市场", "城关镇市场路" + i + "号", "20220101", "0.003800", "A", "Y", "Y");
        }
        t = open(w, "ACQ_POS_TXN", date, StandardCharsets.UTF_8, "09", false, false, false);
        for (int i = 0; i < Math.max(1, customers / 20); i++) {
            row(t, String.format("P%s%08d", ymd, ++seq), String.format("M%014d", i % 5), "T0001", ymd,
                    date.atTime(11, 0).plusSeconds(i).format(TS), "SALE", "622100******0001", "OWN", "D", "88.00",
                    "0.33", "S");
        }
        w.writeReady(version);
        first = false;
    }

    private TableWriter open(DeliveryWriter w, String table, LocalDate date, Charset cs, String sepHex,
            boolean trailing, boolean crlf, boolean gzip) throws IOException {
        return w.open(meta(DeliveryTables.get(table), date, cs, sepHex, trailing), gzip, crlf);
    }

    /** The metadata of a catalogue table: FIXED when {@code sepHex} is null. */
    public static TableMeta meta(DeliveryTable t, LocalDate date, Charset cs, String sepHex, boolean trailing) {
        boolean fixed = sepHex == null;
        return new TableMeta(t.name(), t.system(), date, t.loadMode(), fixed ? RecordFormat.FIXED
                : RecordFormat.DELIMITED, cs, fixed ? new byte[0] : HexFormat.of().parseHex(sepHex), trailing,
                fixed ? t.fixedRecordLength() : 0, t.description(), t.columns());
    }

    private static void row(TableWriter t, String... values) throws IOException {
        for (String v : values) {
            t.add(v);
        }
        t.endRecord();
    }

    static String yuan(long fen) {
        return org.ruralbank.shared.Money.yuanText(fen);
    }

    /**
     * Replaces line {@code line} (1-based) of an uncompressed data file by {@code replacement} (bytes in the file's
     * encoding) and rewrites its {@code .chk}, as a union that sends a bad record with good check values would.
     */
    public static void replaceLine(Path dataFile, int line, byte[] replacement) throws IOException {
        byte[] all = Files.readAllBytes(dataFile);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(all, start, i + 1));
                start = i + 1;
            }
        }
        byte[] old = lines.get(line - 1);
        boolean crlf = old.length > 1 && old[old.length - 2] == '\r';
        byte[] end = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
        byte[] repl = new byte[replacement.length + end.length];
        System.arraycopy(replacement, 0, repl, 0, replacement.length);
        System.arraycopy(end, 0, repl, replacement.length, end.length);
        lines.set(line - 1, repl);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l);
        }
        Files.write(dataFile, out.toByteArray());
        rewriteCheck(dataFile, lines.size());
    }

    /** Rewrites the {@code .chk} of a data file from its current bytes. */
    public static void rewriteCheck(Path dataFile, long rows) throws IOException {
        byte[] bytes = Files.readAllBytes(dataFile);
        String name = dataFile.getFileName().toString();
        Path chk = dataFile.resolveSibling(name.substring(0, name.indexOf(".dat")) + ".chk");
        try {
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
            Files.writeString(chk, new CheckValues(rows, bytes.length, md5).render(), StandardCharsets.UTF_8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
