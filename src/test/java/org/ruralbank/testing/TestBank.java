package org.ruralbank.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import org.ruralbank.delivery.CheckValues;
import org.ruralbank.delivery.ColumnMeta;
import org.ruralbank.delivery.DeliveryFiles;
import org.ruralbank.delivery.DeliveryTable;
import org.ruralbank.delivery.DeliveryTables;
import org.ruralbank.delivery.DeliveryWriter;
import org.ruralbank.delivery.RecordFormat;
import org.ruralbank.delivery.TableMeta;
import org.ruralbank.delivery.TableWriter;
import org.ruralbank.platform.Bootstrap;
import org.ruralbank.platform.DataScope;
import org.ruralbank.platform.Grantor;
import org.ruralbank.platform.NewStaffUser;
import org.ruralbank.platform.Org;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.platform.Role;
import org.ruralbank.platform.StaffPrincipal;
import org.ruralbank.platform.StaffUsers;
import org.ruralbank.platform.UserChange;
import org.ruralbank.samplebank.GenerationRequest;
import org.ruralbank.samplebank.GenerationResult;
import org.ruralbank.samplebank.Inject;
import org.ruralbank.samplebank.Profile;
import org.ruralbank.samplebank.SampleBank;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The one test bank builder. Orgs and staff users of a test go through the real services, with ids unique within the
 * shared test context, and users sign in through the real login form; deliveries come from the sample bank's
 * generator ({@link #generated}) or, for the cases a test counts by eye, are written by hand ({@link #handMade});
 * warehouse rows are written by hand too ({@link #rows}), and the channel figure tests' small bank of four orgs with
 * a warehouse of its own is {@link #smallBank}.
 */
public final class TestBank {

    public static final String PASSWORD = "Chosen-Passw0rd";
    /** The first day of every generated test bank unless a test says otherwise. */
    public static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Orgs orgs;
    private final StaffUsers users;
    private final String run = Integer.toString((int) (Math.random() * 36 * 36 * 36), 36);

    public TestBank(ApplicationContext ctx) {
        this.orgs = ctx.getBean(Orgs.class);
        this.users = ctx.getBean(StaffUsers.class);
        ctx.getBean(Bootstrap.class).ensureFirstAdmin();
    }

    public String uniqueId(String prefix) {
        return (prefix + run + SEQ.incrementAndGet()).toUpperCase();
    }

    /** A new branch under the head office. */
    public Org branch(String name) {
        return orgs.create(uniqueId("B"), name, headOffice().orgId(), "测试镇");
    }

    public Org headOffice() {
        return orgs.list(OrgScope.everything()).stream()
                .filter(o -> o.level() == Org.HEAD_OFFICE)
                .findFirst()
                .orElseThrow();
    }

    public Org subBranch(Org branch, String name) {
        return orgs.create(uniqueId("S"), name, branch.orgId(), branch.townName());
    }

    /**
     * A user who has already replaced the one-time password with {@link #PASSWORD}. Made as the operator's console
     * makes users; a grant that needs a second person is approved by the first administrator, as in production.
     */
    public String user(Org org, DataScope scope, Role... roles) {
        return staffUser(org, scope, null, roles);
    }

    /** As {@link #user}, linked to a member of staff of the bank's CORE_STAFF (null for none). */
    public String staffUser(Org org, DataScope scope, String staffId, Role... roles) {
        String username = uniqueId("u").toLowerCase();
        users.changeOwnPassword(
                username, create(username, org, scope, staffId, EnumSet.of(roles[0], roles)), PASSWORD, PASSWORD);
        return username;
    }

    /** A user still holding the returned one-time password. */
    public String[] userWithOneTimePassword(Org org, Role role) {
        String username = uniqueId("u").toLowerCase();
        return new String[] {username, create(username, org, DataScope.ORG_AND_BELOW, null, EnumSet.of(role))};
    }

    private String create(String username, Org org, DataScope scope, String staffId, Set<Role> roles) {
        UserChange change = users.create(
                new NewStaffUser(username, "测试" + username, org.orgId(), staffId, roles, scope), Grantor.console());
        if (change instanceof UserChange.Proposed p) {
            change = users.approve(p.proposalId(), firstAdministrator());
        }
        return ((UserChange.Created) change).oneTimePassword();
    }

    /** The first administrator (head office, whole bank), as a principal. */
    public StaffPrincipal firstAdministrator() {
        return principal(Bootstrap.FIRST_ADMIN);
    }

    /** The signed-in view of a user, as the security layer builds it. */
    public StaffPrincipal principal(String username) {
        return users.findByUsername(username).orElseThrow().principal();
    }

    public long userId(String username) {
        return users.findByUsername(username).orElseThrow().userId();
    }

    /** Signs in through the login form and returns the session. */
    public static MockHttpSession login(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
                .andReturn();
        String target = result.getResponse().getRedirectedUrl();
        if (target == null || target.contains("/login")) {
            throw new AssertionError("login of " + username + " failed: redirected to " + target);
        }
        return (MockHttpSession) result.getRequest().getSession();
    }

    /**
     * Deliveries written by the generator of the sample bank into {@code out}: by default the small profile at scale 1
     * from {@link #JAN_1}, one day, seed 7, GBK as delivered, no injected fault.
     */
    public static Generated generated(Path out) {
        return new Generated(out);
    }

    /** A generation request under construction; {@link #write()} generates it. */
    public static final class Generated {

        private final Path out;
        private long seed = 7;
        private Profile profile = Profile.SMALL;
        private double scale = 1;
        private LocalDate start = JAN_1;
        private int days = 1;
        private boolean utf8;
        private final List<Inject> injects = new ArrayList<>();

        private Generated(Path out) {
            this.out = out;
        }

        public Generated profile(Profile p, double s) {
            this.profile = p;
            this.scale = s;
            return this;
        }

        public Generated from(LocalDate first) {
            this.start = first;
            return this;
        }

        public Generated days(int n) {
            this.days = n;
            return this;
        }

        /** Files in UTF-8 instead of the delivered encodings. */
        public Generated utf8(boolean u) {
            this.utf8 = u;
            return this;
        }

        public Generated seed(long s) {
            this.seed = s;
            return this;
        }

        public Generated inject(Inject... faults) {
            injects.addAll(List.of(faults));
            return this;
        }

        public GenerationResult write() throws IOException {
            return SampleBank.generate(
                    new GenerationRequest(profile, scale, start, days, out, seed, utf8, List.copyOf(injects)),
                    line -> {});
        }
    }

    /**
     * A small bank written by hand as T+1 deliveries (see {@link HandMade}): {@code customers} customers, random
     * figures from {@code seed}.
     */
    public static HandMade handMade(int customers, long seed) {
        return new HandMade(customers, seed);
    }

    /** Hand-made warehouse rows on {@code engine} (see {@link Rows}). */
    public static Rows rows(WarehouseEngine engine) {
        return new Rows(engine);
    }

    /**
     * The small bank of the channel figure tests (see {@link SmallBank}): orgs in this bank's store, a warehouse of
     * its own, the org tree written for every one of {@code dates}.
     */
    public SmallBank smallBank(String... dates) {
        return new SmallBank(this, dates);
    }

    /**
     * A small, self-consistent bank written as T+1 deliveries with the delivery writer: every table of the interface,
     * every layout (DELIMITED with 1 to 3 byte separators, trailing separators, CRLF, gzip, FIXED GBK), Chinese names,
     * balances that carry over from day to day, and a general ledger that agrees with the deposit accounts.
     */
    public static final class HandMade {

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

        public HandMade(int customers, long seed) {
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
                row(
                        t,
                        c[0],
                        c[1],
                        c[2],
                        person ? "01" : "21",
                        String.format("3301%014d", i),
                        person ? (i % 2 == 0 ? "M" : "F") : null,
                        person ? "19700101" : null,
                        "138" + String.format("%08d", i),
                        TOWNS[i % 4] + "某村" + (i % 50) + "号",
                        TOWNS[i % 4],
                        "某村",
                        person ? "FARMER" : null,
                        null,
                        c[3],
                        "20150101",
                        first ? "I" : "U");
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
                txns.add(new String[] {
                    String.format("%s%010d", ymd, ++seq),
                    ymd,
                    at.format(TS),
                    acct,
                    debit ? "D" : "C",
                    yuan(amount),
                    yuan(bal[0]),
                    channel,
                    "1001",
                    null,
                    "T001",
                    accounts.get(acct)[1],
                    null,
                    null,
                    i % 7 == 0 ? "王小二" : null,
                    null,
                    "0",
                    i % 9 == 0 ? "转账，备注" : null
                });
            }
            t = open(w, "CORE_DEPOSIT_ACCT", date, StandardCharsets.UTF_8, "7C", false, false, false);
            for (Map.Entry<String, String[]> a : accounts.entrySet()) {
                String[] v = a.getValue();
                boolean fix = v[2].equals("FIX");
                row(
                        t,
                        a.getKey(),
                        v[0],
                        v[1],
                        v[2],
                        "CNY",
                        "20200101",
                        fix ? "20270101" : null,
                        fix ? "36" : null,
                        fix ? "0.0175" : "0.0035",
                        yuan(balances.get(a.getKey())[0]),
                        "N",
                        null);
            }
            t = open(w, "CORE_DEPOSIT_TXN", date, StandardCharsets.UTF_8, "7C", false, false, false);
            for (String[] x : txns) {
                row(t, x);
            }
            t = open(w, "CORE_CARD", date, StandardCharsets.UTF_8, "7C", false, false, false);
            for (Map.Entry<String, String[]> a : accounts.entrySet()) {
                if (a.getValue()[2].equals("CUR")) {
                    row(
                            t,
                            "62" + a.getKey().substring(4, 18) + "001",
                            a.getKey(),
                            a.getValue()[0],
                            "JN",
                            a.getKey().hashCode() % 3 == 0 ? "M" : "I",
                            a.getValue()[1],
                            "20200101",
                            "N",
                            "20200102",
                            null);
                }
            }
            // CRED: GBK, "|+|" separator with a trailing separator
            t = open(w, "CRED_LOAN_CONTRACT", date, TableMeta.GBK, "7C2B7C", true, false, false);
            for (String[] l : loans) {
                row(
                        t,
                        l[1],
                        l[2],
                        l[3],
                        "S" + l[3],
                        l[5],
                        yuan(Long.parseLong(l[4])),
                        "0.0435",
                        "20240101",
                        "20270101",
                        "EPI",
                        "X",
                        "A");
            }
            t = open(w, "CRED_LOAN", date, TableMeta.GBK, "7C2B7C", true, false, false);
            List<String[]> repayments = new ArrayList<>();
            for (String[] l : loans) {
                long[] lb = loanBalances.get(l[0]);
                if (random.nextInt(10) == 0 && lb[0] > 100_000) {
                    lb[0] -= 100_000;
                    repayments.add(new String[] {
                        String.format("R%s%08d", ymd, ++seq), l[0], ymd, "1000.00", "12.50", "0.00", "CNT"
                    });
                }
                row(
                        t,
                        l[0],
                        l[1],
                        l[2],
                        l[3],
                        "20240101",
                        "20270101",
                        yuan(Long.parseLong(l[4])),
                        yuan(lb[0]),
                        "0.0435",
                        lb[1] > 1 ? "1000.00" : "0.00",
                        "0.00",
                        lb[1] > 1 ? "45" : "0",
                        Long.toString(lb[1]),
                        "A",
                        null);
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
                row(
                        t,
                        batch,
                        Integer.toString(i),
                        accts.get(i),
                        custs.get(i)[2],
                        "100.00",
                        i == 3 ? "F" : "S",
                        i == 3 ? "账户状态异常" : null);
            }
            // EB: UTF-8, 0x1E separator, gzip
            t = open(w, "EB_USER", date, StandardCharsets.UTF_8, "1E", false, false, true);
            int users = 0;
            for (Map.Entry<String, String[]> a : accounts.entrySet()) {
                if (a.getValue()[2].equals("CUR") && (users++ % 3 == 0)) {
                    row(
                            t,
                            "EB" + a.getKey(),
                            a.getValue()[0],
                            "MOB",
                            a.getValue()[1],
                            "20210101",
                            "A",
                            a.getKey(),
                            null,
                            null);
                }
            }
            t = open(w, "EB_TXN", date, StandardCharsets.UTF_8, "1E", false, false, true);
            for (int i = 0; i < Math.max(1, customers / 20); i++) {
                row(
                        t,
                        String.format("EB%s%08d", ymd, ++seq),
                        "EB" + accts.get(0),
                        "MOB",
                        ymd,
                        date.atTime(9, 0).plusSeconds(i).format(TS),
                        "INTR",
                        "50.00",
                        "0.00",
                        "S",
                        accts.get(0),
                        accts.get(1),
                        null);
            }
            t = open(w, "EB_DEVICE", date, StandardCharsets.UTF_8, "1E", false, false, true);
            for (int i = 0; i < leafOrgs.size(); i++) {
                row(
                        t,
                        "ATM" + leafOrgs.get(i),
                        i % 2 == 0 ? "ATM" : "BMB",
                        leafOrgs.get(i),
                        TOWNS[i % 4] + "街道1号",
                        i % 2 == 0 ? "N" : "Y",
                        null,
                        "20200101",
                        "A");
            }
            t = open(w, "EB_DEVICE_TXN", date, StandardCharsets.UTF_8, "1E", false, false, true);
            for (int i = 0; i < Math.max(1, customers / 20); i++) {
                row(
                        t,
                        String.format("DV%s%08d", ymd, ++seq),
                        "ATM" + leafOrgs.get(i % leafOrgs.size()),
                        ymd,
                        date.atTime(10, 0).plusSeconds(i).format(TS),
                        "WDL",
                        "6221000000000001",
                        "OWN",
                        "100.00",
                        "0.00",
                        "S",
                        null);
            }
            // ACQ: UTF-8, tab separator
            t = open(w, "ACQ_MERCHANT", date, StandardCharsets.UTF_8, "09", false, false, false);
            for (int i = 0; i < 5; i++) {
                row(
                        t,
                        String.format("M%014d", i),
                        "便民超市" + i,
                        "5411",
                        custs.get(i)[0],
                        accts.get(i),
                        custs.get(i)[3],
                        "S" + custs.get(i)[3],
                        "农贸市场",
                        "城关镇市场路" + i + "号",
                        "20220101",
                        "0.003800",
                        "A",
                        "Y",
                        "Y");
            }
            t = open(w, "ACQ_POS_TXN", date, StandardCharsets.UTF_8, "09", false, false, false);
            for (int i = 0; i < Math.max(1, customers / 20); i++) {
                row(
                        t,
                        String.format("P%s%08d", ymd, ++seq),
                        String.format("M%014d", i % 5),
                        "T0001",
                        ymd,
                        date.atTime(11, 0).plusSeconds(i).format(TS),
                        "SALE",
                        "622100******0001",
                        "OWN",
                        "D",
                        "88.00",
                        "0.33",
                        "S");
            }
            w.writeReady(version);
            first = false;
        }

        private TableWriter open(
                DeliveryWriter w,
                String table,
                LocalDate date,
                Charset cs,
                String sepHex,
                boolean trailing,
                boolean crlf,
                boolean gzip)
                throws IOException {
            return w.open(meta(DeliveryTables.get(table), date, cs, sepHex, trailing), gzip, crlf);
        }

        /** The metadata of a catalogue table: FIXED when {@code sepHex} is null. */
        public static TableMeta meta(DeliveryTable t, LocalDate date, Charset cs, String sepHex, boolean trailing) {
            boolean fixed = sepHex == null;
            return new TableMeta(
                    t.name(),
                    t.system(),
                    date,
                    t.loadMode(),
                    fixed ? RecordFormat.FIXED : RecordFormat.DELIMITED,
                    cs,
                    fixed ? new byte[0] : HexFormat.of().parseHex(sepHex),
                    trailing,
                    fixed ? t.fixedRecordLength() : 0,
                    t.description(),
                    t.columns());
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
                String md5 = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("MD5").digest(bytes));
                Files.writeString(chk, new CheckValues(rows, bytes.length, md5).render(), StandardCharsets.UTF_8);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Hand-made ODS rows for the channel marts: every delivered table created empty with its columns as the loader
     * types them, then only the rows a test names, so each expected figure can be counted by eye.
     */
    public static final class Rows {

        private final WarehouseEngine engine;

        public Rows(WarehouseEngine engine) {
            this.engine = engine;
            engine.execute("create schema if not exists ods");
            for (DeliveryTable t : DeliveryTables.all()) {
                StringJoiner cols = new StringJoiner(
                        ", ", "create table if not exists ods." + t.name().toLowerCase() + " (", ", biz_date DATE)");
                for (ColumnMeta c : t.columns()) {
                    cols.add(c.name().toLowerCase() + " "
                            + switch (c.type()) {
                                case CHAR, VARCHAR -> "VARCHAR";
                                case INTEGER -> "INTEGER";
                                case BIGINT -> "BIGINT";
                                case DECIMAL -> "DECIMAL(" + Math.min(38, c.length()) + ", " + c.scale() + ")";
                                case DATE -> "DATE";
                                case TIMESTAMP -> "TIMESTAMP";
                            });
                }
                engine.execute(cols.toString());
            }
        }

        /**
         * Gives each org of {@code orgs} (id and path as the operational store keeps them) a customer {@code C<org id>} with a card, a signed account,
         * an online-banking user, a corporate user above the head office cap, an SMS sign-up, a counter and an ATM deposit transaction, a device and a village terminal with a transaction each and a merchant with a day sale and a night sale (flagged for review) on {@code date},
         * and builds the warehouse for that date: enough for every channel page to show a row per org.
         */
        public static void seed(Warehouse warehouse, LocalDate date, List<String[]> orgs) {
            seed(warehouse, date, orgs, new BigDecimal("3500.00"));
        }

        /**
         * As {@link #seed(Warehouse, LocalDate, List)} for {@code org} alone, with a second person {@code H<org>} at
         * the address of {@code C<org>} in the same village: a household the data proposes.
         */
        public static void seedHousehold(Warehouse warehouse, LocalDate date, Org org) {
            seed(warehouse, date, List.<String[]>of(new String[] {org.orgId(), org.path()}));
            new Rows(warehouse.engine())
                    .customer(
                            date.toString(),
                            "H" + org.orgId(),
                            "P",
                            "同户" + org.orgId(),
                            "360102199001019999",
                            "13900009999",
                            "城关镇" + org.orgId() + "号",
                            "东村",
                            null,
                            org);
            warehouse.engine().inTransaction(() -> warehouse.runner().build(List.of(date), s -> {}));
        }

        /** As {@link #seed(Warehouse, LocalDate, List)}, each org's account holding {@code balance}. */
        public static void seed(Warehouse warehouse, LocalDate date, List<String[]> orgs, BigDecimal balance) {
            WarehouseEngine engine = warehouse.engine();
            Rows f = new Rows(engine);
            String d = date.toString();
            for (DeliveryTable t : DeliveryTables.all()) {
                engine.execute("delete from ods." + t.name().toLowerCase() + " where biz_date = date '" + d + "'");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String[] org : orgs) {
                String[] ids = org[1].substring(1).split("/");
                for (int i = 0; i < ids.length; i++) {
                    if (seen.add(ids[i])) {
                        f.row(
                                "core_org",
                                d,
                                "org_id, org_name, org_level, parent_org_id, area_class, open_date, status",
                                ids[i],
                                i == 0 ? "总行" : "机构" + ids[i],
                                String.valueOf(Math.min(3, i + 1)),
                                i == 0 ? null : ids[i - 1],
                                "R",
                                "2000-01-01",
                                "A");
                    }
                }
                String id = org[0];
                String digits = String.format("%08d", Math.floorMod(id.hashCode(), 100_000_000));
                f.row(
                        "core_customer",
                        d,
                        "cust_id, cust_type, cust_name, id_type, id_no, mobile, address, village_name, open_org_id, "
                                + "open_date, change_flag",
                        "C" + id,
                        "P",
                        "客户" + id,
                        "01",
                        "360102" + digits + "1234",
                        "139" + digits,
                        "城关镇" + id + "号",
                        "东村",
                        id,
                        "2020-01-01",
                        "I");
                f.row(
                        "core_deposit_acct",
                        d,
                        "acct_no, cust_id, org_id, product_code, currency, open_date, balance, " + "acct_status",
                        "A" + id,
                        "C" + id,
                        id,
                        "CUR",
                        "CNY",
                        "2020-01-01",
                        balance,
                        "N");
                f.row(
                        "core_card",
                        d,
                        "card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, " + "card_status",
                        "K" + id,
                        "A" + id,
                        "C" + id,
                        "JN",
                        "I",
                        id,
                        d,
                        "N");
                f.row(
                        "eb_user",
                        d,
                        "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no",
                        "P" + id,
                        "C" + id,
                        "PNET",
                        id,
                        d,
                        "A",
                        "A" + id);
                f.row(
                        "eb_user",
                        d,
                        "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no",
                        "S" + id,
                        "C" + id,
                        "SMS",
                        id,
                        d,
                        "A",
                        "A" + id);
                f.row(
                        "eb_user",
                        d,
                        "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no, single_limit, "
                                + "daily_limit",
                        "E" + id,
                        "C" + id,
                        "CNET",
                        id,
                        d,
                        "A",
                        "A" + id,
                        new BigDecimal("30000000.00"),
                        new BigDecimal("50000000.00"));
                for (String channel : List.of("ATM", "CNT")) {
                    f.row(
                            "core_deposit_txn",
                            d,
                            "txn_seq, txn_date, txn_time, acct_no, dc_flag, amount, balance_after, "
                                    + "channel, txn_code, org_id, reversal_flag",
                            "T" + channel + id,
                            d,
                            d + " 09:00:00",
                            "A" + id,
                            "C",
                            new BigDecimal("100.00"),
                            new BigDecimal("3500.00"),
                            channel,
                            "1001",
                            id,
                            "0");
                }
                f.row(
                        "eb_device",
                        d,
                        "device_id, device_type, org_id, location, offsite, install_date, status",
                        "D" + id,
                        "ATM",
                        id,
                        "网点" + id,
                        "N",
                        "2020-01-01",
                        "A");
                f.row(
                        "eb_device_txn",
                        d,
                        "dev_txn_seq, device_id, txn_date, txn_time, txn_kind, card_no, card_issuer, "
                                + "amount, fee_income, status",
                        "DT" + id,
                        "D" + id,
                        d,
                        d + " 10:00:00",
                        "WDL",
                        "K" + id,
                        "OTHER",
                        new BigDecimal("500.00"),
                        new BigDecimal("3.00"),
                        "S");
                f.row(
                        "eb_device",
                        d,
                        "device_id, device_type, org_id, location, offsite, merchant_id, install_date, status",
                        "V" + id,
                        "BMB",
                        id,
                        "村" + id,
                        "Y",
                        "M" + id,
                        "2021-01-01",
                        "A");
                f.row(
                        "eb_device_txn",
                        d,
                        "dev_txn_seq, device_id, txn_date, txn_time, txn_kind, card_no, card_issuer, "
                                + "amount, fee_income, status",
                        "VT" + id,
                        "V" + id,
                        d,
                        d + " 15:00:00",
                        "WDL",
                        "K" + id,
                        "OWN",
                        new BigDecimal("200.00"),
                        BigDecimal.ZERO,
                        "S");
                f.row(
                        "acq_merchant",
                        d,
                        "merchant_id, merchant_name, mcc, cust_id, settle_acct_no, org_id, sign_date, mdr, "
                                + "status, site_photo, trained",
                        "M" + id,
                        "商户" + id,
                        "5411",
                        "C" + id,
                        "A" + id,
                        id,
                        d,
                        new BigDecimal("0.0038"),
                        "A",
                        "N",
                        "N");
                f.row(
                        "acq_pos_txn",
                        d,
                        "pos_txn_seq, merchant_id, terminal_id, txn_date, txn_time, txn_kind, card_no, "
                                + "card_issuer, card_type, amount, mdr_fee, status",
                        "PT" + id,
                        "M" + id,
                        "T" + id,
                        d,
                        d + " 11:00:00",
                        "SALE",
                        "622848******1234",
                        "OWN",
                        "D",
                        new BigDecimal("1000.00"),
                        new BigDecimal("3.80"),
                        "S");
                f.row(
                        "acq_pos_txn",
                        d,
                        "pos_txn_seq, merchant_id, terminal_id, txn_date, txn_time, txn_kind, card_no, "
                                + "card_issuer, card_type, amount, mdr_fee, status",
                        "PN" + id,
                        "M" + id,
                        "T" + id,
                        d,
                        d + " 02:00:00",
                        "SALE",
                        "622848******5678",
                        "OWN",
                        "D",
                        new BigDecimal("80.00"),
                        new BigDecimal("0.30"),
                        "S");
            }
            engine.inTransaction(() -> warehouse.runner().build(List.of(date), s -> {}));
        }

        /** A CORE_ORG row of {@code org} as the operational store keeps it. */
        public Rows org(String date, Org org) {
            return row(
                    "core_org",
                    date,
                    "org_id, org_name, org_level, parent_org_id, town_name, area_class, open_date, " + "status",
                    org.orgId(),
                    org.name(),
                    String.valueOf(org.level()),
                    org.parentOrgId(),
                    org.townName(),
                    "R",
                    "2000-01-01",
                    "A");
        }

        /** A self-service device or village terminal; {@code merchant} is a village terminal's host shop. */
        public Rows device(
                String date,
                String id,
                String type,
                Org org,
                String location,
                boolean offsite,
                String merchant,
                String installed) {
            return row(
                    "eb_device",
                    date,
                    "device_id, device_type, org_id, location, offsite, merchant_id, install_date, " + "status",
                    id,
                    type,
                    org.orgId(),
                    location,
                    offsite ? "Y" : "N",
                    merchant,
                    installed,
                    "A");
        }

        /** A device transaction at 10:00 on {@code date}; {@code issuer} OWN, NXY or OTHER, {@code status} S or F. */
        public Rows deviceTxn(
                String date,
                String seq,
                String device,
                String kind,
                String issuer,
                String amount,
                String fee,
                String status,
                String errorCode) {
            return row(
                    "eb_device_txn",
                    date,
                    "dev_txn_seq, device_id, txn_date, txn_time, txn_kind, card_no, card_issuer, "
                            + "amount, fee_income, status, error_code",
                    seq,
                    device,
                    date,
                    date + " 10:00:00",
                    kind,
                    "6228480000" + seq,
                    issuer,
                    new BigDecimal(amount),
                    new BigDecimal(fee),
                    status,
                    errorCode);
        }

        /** A POS merchant with its signed discount rate and its risk checklist. */
        public Rows merchant(
                String date,
                String id,
                String name,
                Org org,
                String signed,
                String mdr,
                String status,
                boolean sitePhoto,
                boolean trained) {
            return row(
                    "acq_merchant",
                    date,
                    "merchant_id, merchant_name, mcc, cust_id, settle_acct_no, org_id, sign_date, "
                            + "mdr, status, site_photo, trained",
                    id,
                    name,
                    "5411",
                    "C" + id,
                    "A" + id,
                    org.orgId(),
                    signed,
                    new BigDecimal(mdr),
                    status,
                    sitePhoto ? "Y" : "N",
                    trained ? "Y" : "N");
        }

        /** A POS transaction at 11:00 on {@code date} with an own debit card, each on a card of its own. */
        public Rows pos(
                String date, String seq, String merchant, String kind, String amount, String fee, String status) {
            return row(
                    "acq_pos_txn",
                    date,
                    "pos_txn_seq, merchant_id, terminal_id, txn_date, txn_time, txn_kind, card_no, "
                            + "card_issuer, card_type, amount, mdr_fee, status",
                    seq,
                    merchant,
                    "T" + merchant,
                    date,
                    date + " 11:00:00",
                    kind,
                    "622848******" + seq,
                    "OWN",
                    "D",
                    new BigDecimal(amount),
                    new BigDecimal(fee),
                    status);
        }

        /** An e-banking sign-up; {@code single} and {@code daily} are a corporate user's limits (null: none). */
        public Rows user(String date, String id, String type, Org org, String signed, String single, String daily) {
            return row(
                    "eb_user",
                    date,
                    "eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no, "
                            + "single_limit, daily_limit",
                    id,
                    "C" + id,
                    type,
                    org.orgId(),
                    signed,
                    "A",
                    "A" + id,
                    single == null ? null : new BigDecimal(single),
                    daily == null ? null : new BigDecimal(daily));
        }

        /** An e-banking transaction at 12:00 on {@code date}; {@code kind} INTR, INTE or NXY. */
        public Rows ebTxn(
                String date, String seq, String user, String type, String kind, String amount, String status) {
            return row(
                    "eb_txn",
                    date,
                    "eb_txn_seq, eb_user_id, eb_type, txn_date, txn_time, txn_kind, amount, fee, "
                            + "status, payer_acct_no",
                    seq,
                    user,
                    type,
                    date,
                    date + " 12:00:00",
                    kind,
                    new BigDecimal(amount),
                    BigDecimal.ZERO,
                    status,
                    "A" + user);
        }

        /** A deposit transaction of 100.00 booked at {@code org} through {@code channel}, a reversal or not. */
        public Rows depositTxn(String date, String seq, Org org, String channel, boolean reversal) {
            return row(
                    "core_deposit_txn",
                    date,
                    "txn_seq, txn_date, txn_time, acct_no, dc_flag, amount, balance_after, "
                            + "channel, txn_code, org_id, reversal_flag",
                    seq,
                    date,
                    date + " 09:00:00",
                    "A" + seq,
                    "C",
                    new BigDecimal("100.00"),
                    new BigDecimal("100.00"),
                    channel,
                    "1001",
                    org.orgId(),
                    reversal ? "1" : "0");
        }

        /**
         * A transfer of {@code amount} from the account {@code fromAcct} to {@code toAcct} (another bank's account
         * when {@code oppBank} is not null) on {@code date} by mobile banking: the debit posting of the payer's
         * account naming the payee ({@code seq}), and for a transfer within the bank the payee's credit posting
         * ({@code seq} + "C"); a reversal when {@code reversal}.
         */
        public Rows transfer(
                String date,
                String seq,
                String fromAcct,
                Org org,
                String toAcct,
                String oppBank,
                String amount,
                boolean reversal) {
            String cols = "txn_seq, txn_date, txn_time, acct_no, dc_flag, amount, balance_after, channel, txn_code, "
                    + "org_id, opp_acct_no, opp_bank_code, reversal_flag";
            BigDecimal a = new BigDecimal(amount);
            row(
                    "core_deposit_txn",
                    date,
                    cols,
                    seq,
                    date,
                    date + " 10:00:00",
                    fromAcct,
                    "D",
                    a,
                    BigDecimal.ZERO,
                    "MOB",
                    "5201",
                    org.orgId(),
                    toAcct,
                    oppBank,
                    reversal ? "1" : "0");
            if (oppBank != null) {
                return this;
            }
            return row(
                    "core_deposit_txn",
                    date,
                    cols,
                    seq + "C",
                    date,
                    date + " 10:00:00",
                    toAcct,
                    "C",
                    a,
                    BigDecimal.ZERO,
                    "MOB",
                    "5201",
                    org.orgId(),
                    fromAcct,
                    null,
                    reversal ? "1" : "0");
        }

        /**
         * A customer of {@code org} opened on 2020-01-01 (CORE_CUSTOMER is incremental: a row on the first date is
         * enough); {@code type} P or C, {@code legalRep} a company's legal representative or null.
         */
        public Rows customer(
                String date,
                String custId,
                String type,
                String name,
                String idNo,
                String mobile,
                String address,
                String village,
                String legalRep,
                Org org) {
            return row(
                    "core_customer",
                    date,
                    "cust_id, cust_type, cust_name, id_type, id_no, mobile, address, village_name, legal_rep_cust_id, "
                            + "open_org_id, open_date, change_flag",
                    custId,
                    type,
                    name,
                    type.equals("P") ? "01" : "20",
                    idNo,
                    mobile,
                    address,
                    village,
                    legalRep,
                    org.orgId(),
                    "2020-01-01",
                    "I");
        }

        /** A demand deposit account of {@code custId} at {@code org} with its balance of {@code date}. */
        public Rows account(String date, String acctNo, String custId, Org org, String balance, String status) {
            return row(
                    "core_deposit_acct",
                    date,
                    "acct_no, cust_id, org_id, product_code, currency, open_date, balance, acct_status",
                    acctNo,
                    custId,
                    org.orgId(),
                    "CUR",
                    "CNY",
                    "2020-01-01",
                    new BigDecimal(balance),
                    status);
        }

        /**
         * A loan contract {@code loanNo} with its one loan of {@code balance}, disbursed 2024-06-01 and maturing
         * {@code maturity}, {@code dpd} days past due, guaranteed ({@code G}) or on credit ({@code X}).
         */
        public Rows loan(
                String date,
                String loanNo,
                String custId,
                Org org,
                String balance,
                String maturity,
                int dpd,
                String guaranteeType) {
            row(
                    "cred_loan_contract",
                    date,
                    "contract_no, cust_id, org_id, product_code, contract_amt, int_rate, start_date, maturity_date, "
                            + "repay_method, guarantee_type, status",
                    loanNo,
                    custId,
                    org.orgId(),
                    "FARM",
                    new BigDecimal(balance),
                    new BigDecimal("0.06"),
                    "2024-06-01",
                    maturity,
                    "EPI",
                    guaranteeType,
                    "A");
            return row(
                    "cred_loan",
                    date,
                    "loan_no, contract_no, cust_id, org_id, disburse_date, maturity_date, loan_amt, balance, int_rate, "
                            + "overdue_principal, overdue_interest, dpd, class_5, status",
                    loanNo,
                    loanNo,
                    custId,
                    org.orgId(),
                    "2024-06-01",
                    maturity,
                    new BigDecimal(balance),
                    new BigDecimal(balance),
                    new BigDecimal("0.06"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    dpd,
                    dpd == 0 ? "1" : "2",
                    "A");
        }

        /** {@code guarantor} guarantees the contract {@code contractNo} for {@code amount}. */
        public Rows guarantee(String date, String contractNo, String guarantor, String amount) {
            return row(
                    "cred_guarantee",
                    date,
                    "contract_no, guarantor_cust_id, guarantee_type, guarantee_amt",
                    contractNo,
                    guarantor,
                    "G",
                    new BigDecimal(amount));
        }

        /** A payroll batch of one salary paid from {@code payerAcct} into {@code acctNo} on {@code date}. */
        public Rows payroll(String date, String batchNo, String payerAcct, Org org, String acctNo, String amount) {
            BigDecimal a = new BigDecimal(amount);
            row(
                    "mid_agency_batch",
                    date,
                    "batch_no, biz_type, payer_name, payer_acct_no, org_id, batch_date, total_count, total_amt, "
                            + "succ_count, succ_amt",
                    batchNo,
                    "PAYROLL",
                    "代发单位",
                    payerAcct,
                    org.orgId(),
                    date,
                    1,
                    a,
                    1,
                    a);
            return row(
                    "mid_agency_detail", date, "batch_no, seq_no, acct_no, amount, result", batchNo, 1, acctNo, a, "S");
        }

        /** Inserts one row: {@code columns} is a comma list, {@code values} the SQL literals in the same order. */
        public Rows row(String table, String date, String columns, Object... values) {
            List<String> literals = new ArrayList<>();
            for (Object v : values) {
                literals.add(v == null ? "null" : v instanceof Number ? v.toString() : "'" + v + "'");
            }
            engine.execute("insert into ods." + table + " (" + columns + ", biz_date) values ("
                    + String.join(", ", literals) + ", date '" + date + "')");
            return this;
        }
    }

    /**
     * The small bank of the channel figure tests: the head office, branch A with its sub-branch A1, and branch B. The
     * orgs live in the operational store, where the services look up an org filter and its subtree, and in a warehouse
     * of the test's own, so that no other test's rows enter a count. Rows are added through {@link #rows}.
     */
    public static final class SmallBank implements AutoCloseable {

        public final Orgs orgs;
        public final Org head;
        public final Org a;
        public final Org a1;
        public final Org b;
        public final Warehouse warehouse;
        public final Rows rows;

        /** Creates the orgs and writes the org tree for every one of {@code dates}. */
        private SmallBank(TestBank bank, String... dates) {
            orgs = bank.orgs;
            a = bank.branch("甲支行");
            a1 = bank.subBranch(a, "甲一分理处");
            b = bank.branch("乙支行");
            head = orgs.find(a.parentOrgId()).orElseThrow();
            Path home = TestStores.tempHome();
            warehouse = Warehouse.under(home, false);
            rows = new Rows(warehouse.engine());
            for (String d : dates) {
                for (Org o : new Org[] {head, a, a1, b}) {
                    rows.org(d, o);
                }
            }
        }

        /** Builds the warehouse for {@code dates}, in ascending order. */
        public void build(String... dates) {
            warehouse
                    .engine()
                    .inTransaction(() -> warehouse
                            .runner()
                            .build(
                                    Arrays.stream(dates)
                                            .map(LocalDate::parse)
                                            .sorted()
                                            .toList(),
                                    s -> {}));
        }

        /** The scope of a user of {@code org} who sees it and everything below it. */
        public static OrgScope scopeOf(Org org) {
            return OrgScope.of(
                    new StaffPrincipal(1, "u", "u", org.orgId(), org.path(), null, Set.of(), DataScope.ORG_AND_BELOW));
        }

        @Override
        public void close() {
            warehouse.close();
        }
    }

    /**
     * A whole FTP curve of {@code date} as {@code date,term,rate} CSV rows (no header): O/N 1.5%, 1M 1.6%, 3M 1.7%,
     * 6M 1.8%, 1Y 2.0%, 2Y 2.2%, 3Y 2.4%, 5Y 2.6%.
     */
    public static String curveRows(String date) {
        return date + ",O/N,0.015\n" + date + ",1M,0.016\n" + date + ",3M,0.017\n" + date + ",6M,0.018\n" + date
                + ",1Y,0.02\n" + date + ",2Y,0.022\n" + date + ",3Y,0.024\n" + date + ",5Y,0.026\n";
    }

    /**
     * A curve file as the FTP page uploads it (the multipart part {@code file}): a CSV named {@code fileName} holding
     * {@code text}.
     */
    public static org.springframework.mock.web.MockMultipartFile curveUpload(String fileName, String text) {
        return new org.springframework.mock.web.MockMultipartFile(
                "file", fileName, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A whole curve of {@code date} ({@link #curveRows}) under its header, as the FTP page uploads it. */
    public static org.springframework.mock.web.MockMultipartFile curveUpload(String date) {
        return curveUpload("curve.csv", "date,term,rate\n" + curveRows(date));
    }
}
