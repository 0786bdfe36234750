package org.ruralbank.samplebank.internal;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.ruralbank.delivery.DeliveryTables;
import org.ruralbank.delivery.DeliveryWriter;
import org.ruralbank.delivery.TableWriter;

/**
 * One business date of the bank: decides the day's events from the state, applies them in time order (writing the
 * INCR tables as it goes and keeping every balance continuous), then writes the FULL tables from the state.
 *
 * <p>Why this is the one class over 600 lines: it is the generator's hot loop (a seed-scale year is some 30 million
 * records), and its three phases share one mutable state — the bank's balances in primitive arrays, the day's
 * event queue and one random stream per event kind. Split into classes, each would take that state apart again
 * through accessors on every event, and the order in which the random streams are drawn, which makes a seed give
 * byte-identical files ({@code DeterminismTest}), would be spread over several files where a reordering is easy to
 * miss. Its sections follow the phases: deciding (growth … interest), applying (apply …), writing FULL tables
 * (customers … writeGl), then identifier formats.
 */
final class Day {

    // event kinds
    private static final byte OPEN = 1;
    private static final byte VALVE = 2;
    private static final byte DEV = 3;
    private static final byte POS = 4;
    private static final byte EB = 5;
    private static final byte DETAIL = 6;
    private static final byte BATCH_START = 7;
    private static final byte BATCH_END = 8;
    private static final byte DISBURSE = 9;
    private static final byte REPAY = 10;
    private static final byte INTEREST = 11;
    private static final byte SETTLE = 12;

    private static final String[] DEV_KINDS = {"WDL", "DEP", "TRF", "INQ", "PAY"};
    private static final String[] ISSUERS = {"OWN", "NXY", "OTHER"};
    private static final String[] OTHER_BINS = {"621700", "622202", "622848", "621661", "622588", "436742"};
    private static final String[] NXY_BINS = {"622836", "621588"};
    private static final String[] EB_KINDS = {"INTR", "INTE", "NXY"};
    private static final String[] EB_TYPES = {"PNET", "CNET", "MOB", "SMS"};
    private static final String[] POS_KINDS = {"SALE", "REFUND", "VOID"};
    private static final String OWN_BIN = "623125";

    /** GL subjects: code and name. */
    static final String[][] SUBJECTS = {
        {"1301", "各项贷款"},
        {"2001", "单位活期存款"},
        {"2011", "个人活期存款"},
        {"2015", "个人定期存款"},
        {"5011", "利息支出"},
        {"6011", "利息收入"},
        {"6021", "手续费及佣金收入"}
    };

    static final class Ev {
        int time;
        int order;
        byte kind;
        byte x;
        byte y;
        int a;
        int b;
        int c;
        long amount;
        long fee;
        long key;
    }

    static final class Batch {
        @Nullable
        String no;

        @Nullable
        String type;

        int payer;
        int org;

        @Nullable
        String memo;

        int count;
        int succ;
        long total;
        long succAmt;
        int seq;
        boolean payout;
    }

    private final Bank bank;
    private final People people;
    private final LocalDate date;
    private final int day;
    private final String ymd;
    private final Season season;
    private final long seed;
    private final List<Ev> events = new ArrayList<>();
    private final List<Batch> batches = new ArrayList<>();
    private final Map<String, TableWriter> out = new HashMap<>();
    private final List<Integer> changedPersons = new ArrayList<>();
    private final long[] glDr;
    private final long[] glCr;
    private int @Nullable [] cardOfAccount;
    /** Above this many accounts (a province) account numbers are built on use rather than kept for the day. */
    private static final int ACCOUNT_NUMBER_CACHE_LIMIT = 2_000_000;

    private String @Nullable [] acctNos;
    private int txnSeq;
    private int devSeq;
    private int posSeq;
    private int ebSeq;
    private int repaySeq;

    Day(Bank bank, LocalDate date, Season season) {
        this.bank = bank;
        this.people = bank.people;
        this.date = date;
        this.day = (int) date.toEpochDay();
        this.ymd = org.ruralbank.delivery.DeliveryFiles.folder(date);
        this.season = season;
        this.seed = bank.seed;
        this.glDr = new long[bank.orgs() * SUBJECTS.length];
        this.glCr = new long[bank.orgs() * SUBJECTS.length];
    }

    private SplittableRandom rng(int stream) {
        return Rng.stream(seed, day, stream);
    }

    private Ev ev(byte kind, int time) {
        Ev e = new Ev();
        e.kind = kind;
        e.time = Math.max(0, Math.min(86_399, time));
        e.order = events.size();
        events.add(e);
        return e;
    }

    // ================================================================ the day

    /** Generates the day; {@code beforeFull} runs after the events and before the FULL tables are written. */
    void run(DeliveryWriter writer, Runnable beforeFull) throws IOException {
        boolean first = day == bank.startDay;
        openIncrementalTables(writer);
        growth();
        cardOfAccount = new int[bank.accounts()];
        java.util.Arrays.fill(cardOfAccount, -1);
        for (int k = 0, n = bank.cards(); k < n; k++) {
            if (bank.kStatus.get(k) != 'C') {
                cardOfAccount[bank.kAcct.get(k)] = k;
            }
        }
        loans();
        devices();
        pos();
        online();
        payouts();
        counter();
        interest();
        events.sort((p, q) -> p.time != q.time ? Integer.compare(p.time, q.time) : Integer.compare(p.order, q.order));
        for (Ev e : events) {
            apply(e);
        }
        settleMerchants();
        for (Batch b : batches) {
            writeBatch(b);
        }
        expenses();
        customers(first);
        beforeFull.run();
        writeFullTables(writer);
    }

    private void openIncrementalTables(DeliveryWriter writer) throws IOException {
        for (var t : DeliveryTables.all()) {
            Formats.Layout l = Formats.layout(t.name());
            out.put(t.name(), writer.open(Formats.meta(t, date, bank.utf8), l.gzip(), l.crlf()));
        }
    }

    // ================================================================ growth of the bank

    private void growth() {
        SplittableRandom r = rng(10);
        long newCards = season.quota(Season.Shape.CASH, date, Figures.NEW_CARDS * bank.volume);
        for (long i = 0; i < newCards; i++) {
            int p = -1;
            if (r.nextInt(100) >= Figures.NEW_CUSTOMERS_PER_CARD_PERCENT) {
                for (int tries = 0; tries < 20; tries++) {
                    int q = r.nextInt(bank.persons());
                    if (bank.pCards.get(q) == 0 && bank.pOpen.get(q) < day) {
                        p = q;
                        break;
                    }
                }
            }
            if (p < 0) {
                p = bank.addPerson(day);
            }
            int card = bank.openCard(p, day, r, day - 1);
            int acct = bank.kAcct.get(card);
            Ev e = ev(OPEN, counterTime(r));
            e.a = acct;
            e.amount = Math.max(1000, Math.round(bank.aTarget.get(acct) * (0.6 + 0.8 * r.nextDouble())) / 100 * 100);
        }
        // chip replacement of magnetic-stripe cards, from November of the first year
        if (bank.chipIssuing(date)) {
            long n = season.quota(Season.Shape.COUNTER, date, Figures.CARD_REPLACEMENTS * bank.volume);
            for (long i = 0; i < n; i++) {
                for (int tries = 0; tries < 20; tries++) {
                    int old = r.nextInt(bank.cards());
                    if (bank.kMedium.get(old) == 'M' && bank.kStatus.get(old) == 'N') {
                        bank.kStatus.set(old, 'C');
                        bank.addCard(
                                bank.kAcct.get(old),
                                day,
                                (byte) 'N',
                                (byte) bank.kProduct.get(old),
                                (byte) 'I',
                                day,
                                old);
                        break;
                    }
                }
            }
        }
        // activation of cards issued but not yet activated, and a few lost cards
        for (int k = 0, n = bank.cards(); k < n; k++) {
            if (bank.kStatus.get(k) == 'U' && Rng.unit(seed, 100 + day, k) < 0.02) {
                bank.kStatus.set(k, 'N');
                bank.kActivate.set(k, day);
            }
        }
        // customers closing a card at the counter: a usable card of a first issue (not a chip replacement) is cancelled
        long closed = season.quota(Season.Shape.COUNTER, date, Figures.CARDS_CLOSED * bank.volume);
        for (long i = 0; i < closed; i++) {
            for (int tries = 0; tries < 50; tries++) {
                int k = r.nextInt(bank.cards());
                if (bank.kStatus.get(k) == 'N' && bank.kReplaced.get(k) == Bank.NONE && bank.kIssue.get(k) < day) {
                    bank.kStatus.set(k, 'C');
                    break;
                }
            }
        }
        long lost = season.quota(Season.Shape.EVEN, date, 0.002 * bank.cards());
        for (long i = 0; i < lost; i++) {
            int k = r.nextInt(bank.cards());
            if (bank.kStatus.get(k) == 'N') {
                bank.kStatus.set(k, 'L');
            }
        }
        // e-banking sign-ups
        bank.addEbUsers(
                Bank.EB_PNET,
                (int) season.quota(Season.Shape.COUNTER, date, Figures.PNET_NEW * bank.volume),
                day,
                r,
                false);
        bank.addEbUsers(
                Bank.EB_CNET,
                (int) season.quota(Season.Shape.COUNTER, date, Figures.CNET_NEW * bank.volume),
                day,
                r,
                false);
        bank.addEbUsers(
                Bank.EB_SMS,
                (int) season.quota(Season.Shape.COUNTER, date, Figures.SMS_NEW * bank.volume),
                day,
                r,
                false);
        bank.addEbUsers(
                Bank.EB_MOB,
                (int) season.quota(Season.Shape.COUNTER, date, Figures.MOB_NEW * bank.volume),
                day,
                r,
                false);
        // merchants, village terminals and this year's self-service devices
        long merchants = season.quota(Season.Shape.COUNTER, date, Figures.NEW_MERCHANTS * bank.volume);
        for (long i = 0; i < merchants; i++) {
            bank.addMerchant(day, r);
        }
        long bmb = season.quota(Season.Shape.EVEN, date, Figures.NEW_BMB * bank.volume);
        for (long i = 0; i < bmb; i++) {
            bank.addBmb(day, r);
        }
        int md = date.getMonthValue() * 100 + date.getDayOfMonth();
        if (md == 318 || md == 606 || md == 909 || md == 1120) {
            for (int b = 0; b < bank.banks; b++) {
                int org = b * Bank.ORGS_PER_BANK + 1 + r.nextInt(12);
                bank.addDevice(md == 318 ? Bank.DEV_CRS : Bank.DEV_ATM, org, md != 318, -1, day);
            }
        }
        // customers changing their mobile number
        long changes = season.quota(Season.Shape.COUNTER, date, 0.08 * bank.persons());
        for (long i = 0; i < changes; i++) {
            int p = r.nextInt(bank.persons());
            if (bank.pOpen.get(p) < day && bank.pVersion.get(p) < 100 && !changedPersons.contains(p)) {
                bank.pVersion.set(p, bank.pVersion.get(p) + 1);
                changedPersons.add(p);
            }
        }
    }

    // ================================================================ loans

    private void loans() {
        SplittableRandom r = rng(20);
        for (int l = 0, n = bank.loans(); l < n; l++) {
            if (bank.lStatus.get(l) != 'A') {
                continue;
            }
            int start = bank.lStart.get(l);
            LocalDate s = LocalDate.ofEpochDay(start);
            int term = Loans.term(bank, l);
            int k = (date.getYear() - s.getYear()) * 12 + date.getMonthValue() - s.getMonthValue();
            if (k < 1 || k > term || !s.plusMonths(k).equals(date)) {
                if (bank.lDueSince.get(l) != Bank.NONE && day - bank.lDueSince.get(l) > 720) {
                    bank.lStatus.set(l, 'W');
                }
                continue;
            }
            long[] inst = Loans.installment(bank, l, k);
            int trouble = bank.lTrouble.get(l);
            if (trouble != Bank.NONE && day >= trouble) {
                Loans.miss(bank, l, day, inst);
                continue;
            }
            Ev e = ev(REPAY, 5 * 3600 + r.nextInt(3600));
            e.a = l;
            e.amount = inst[0];
            e.fee = inst[1];
        }
        long opened = season.quota(Season.Shape.LOANS, date, Figures.NEW_LOANS * bank.volume);
        for (long i = 0; i < opened; i++) {
            int l = Loans.open(bank, day, r, false);
            Ev e = ev(DISBURSE, counterTime(r));
            e.a = l;
            e.amount = bank.lAmount.get(l);
        }
    }

    // ================================================================ self-service devices and village terminals

    private void devices() {
        SplittableRandom r = rng(30);
        List<Integer> atms = new ArrayList<>();
        List<Integer> crs = new ArrayList<>();
        List<Integer> inq = new ArrayList<>();
        List<Integer> bmb = new ArrayList<>();
        for (int d = 0, n = bank.devices(); d < n; d++) {
            if (bank.dInstall.get(d) > day || bank.dStatus.get(d) != 'A') {
                continue;
            }
            int t = bank.dType.get(d);
            if (t == Bank.DEV_ATM) {
                atms.add(d);
            } else if (t == Bank.DEV_CRS) {
                crs.add(d);
                atms.add(d);
            } else if (t == Bank.DEV_BMB) {
                if (Rng.pick(seed, 80, d, 4) != 0) {
                    bmb.add(d);
                }
            } else {
                inq.add(d);
            }
        }
        double v = bank.volume;
        long wdl = season.quota(Season.Shape.CASH, date, Figures.DEVICE_WDL * v);
        long other = season.amountQuota(Season.Shape.CASH, date, Figures.DEVICE_WDL * v, Figures.WDL_OTHER * v);
        long nxy = season.amountQuota(Season.Shape.CASH, date, Figures.DEVICE_WDL * v, Figures.WDL_NXY * v);
        for (long i = 0; i < wdl; i++) {
            int issuer = i < other ? 2 : i < other + nxy ? 1 : 0;
            long amount = Math.min(
                    500_000, Math.max(10_000, Math.round(70_000 * Rng.lognormalFactor(r, 0.8)) / 10_000 * 10_000));
            long fee = issuer == 2 ? Figures.FEE_WDL_OTHER_FEN : issuer == 1 ? Figures.FEE_WDL_NXY_FEN : 0;
            device(r, pickWeighted(atms, r, 81), 0, issuer, amount, fee);
        }
        long dep = season.quota(Season.Shape.CASH, date, Figures.DEVICE_DEP * v);
        for (long i = 0; i < dep; i++) {
            long amount = Math.max(10_000, Math.round(200_000 * Rng.lognormalFactor(r, 0.8)) / 10_000 * 10_000);
            device(r, pickWeighted(crs.isEmpty() ? atms : crs, r, 82), 1, 0, amount, 0);
        }
        long trf = season.quota(Season.Shape.CASH, date, Figures.DEVICE_TRF * v);
        long trfInter = season.amountQuota(Season.Shape.CASH, date, Figures.DEVICE_TRF * v, Figures.TRF_INTERBANK * v);
        for (long i = 0; i < trf; i++) {
            long amount = Math.max(1_000, Math.round(300_000 * Rng.lognormalFactor(r, 0.9)));
            device(r, pickWeighted(atms, r, 83), 2, 0, amount, i < trfInter ? Figures.FEE_TRF_FEN : 0);
        }
        long inquiries = season.quota(Season.Shape.CASH, date, Figures.DEVICE_INQ * v);
        for (long i = 0; i < inquiries; i++) {
            device(r, inq.isEmpty() ? pickWeighted(atms, r, 84) : inq.get(r.nextInt(inq.size())), 3, 0, 0, 0);
        }
        long pay = season.quota(Season.Shape.CASH, date, Figures.DEVICE_PAY * v);
        for (long i = 0; i < pay; i++) {
            device(r, pickWeighted(atms, r, 85), 4, 0, 2_000 + r.nextInt(48_000), 0);
        }
        long village = season.quota(Season.Shape.CASH, date, Figures.BMB_TXN * v);
        for (long i = 0; i < village && !bmb.isEmpty(); i++) {
            long amount = (1 + r.nextInt(10)) * 5_000L;
            device(r, bmb.get(r.nextInt(bmb.size())), 0, 0, amount, 0);
        }
    }

    private void device(SplittableRandom r, int device, int kind, int issuer, long amount, long fee) {
        if (device < 0) {
            return;
        }
        Ev e = ev(DEV, cashTime(r));
        e.a = device;
        e.x = (byte) kind;
        e.y = (byte) issuer;
        e.amount = amount;
        e.fee = fee;
        e.b = issuer == 0 ? activeCard(r) : -1;
        e.key = r.nextLong();
    }

    private int pickWeighted(List<Integer> list, SplittableRandom r, int tag) {
        if (list.isEmpty()) {
            return -1;
        }
        for (int tries = 0; tries < 8; tries++) {
            int d = list.get(r.nextInt(list.size()));
            if (r.nextDouble() < 0.3 + 0.7 * Rng.unit(seed, tag, d)) {
                return d;
            }
        }
        return list.get(r.nextInt(list.size()));
    }

    /** A random usable card (not cancelled, not lost, account not dormant or closed). */
    private int activeCard(SplittableRandom r) {
        for (int tries = 0; tries < 30; tries++) {
            int k = r.nextInt(bank.cards());
            if (bank.kStatus.get(k) == 'N' && bank.kIssue.get(k) <= day && bank.aStatus.get(bank.kAcct.get(k)) == 'N') {
                return k;
            }
        }
        return -1;
    }

    // ================================================================ acquiring

    private void pos() {
        SplittableRandom r = rng(40);
        List<Integer> active = new ArrayList<>();
        for (int m = 0, n = bank.merchants(); m < n; m++) {
            if (bank.mSign.get(m) <= day && bank.mStatus.get(m) == 'A' && !bank.sleepingMerchant(m)) {
                active.add(m);
            }
        }
        if (active.isEmpty()) {
            return;
        }
        // the merchants on a rate negotiated below the standard one, and those on a standard rate
        List<Integer> negotiated = new ArrayList<>();
        List<Integer> standard = new ArrayList<>();
        for (int m : active) {
            (bank.mMdr.get(m) < Bank.STANDARD_MDR_PPM ? negotiated : standard).add(m);
        }
        long count = season.quota(Season.Shape.SHOPPING, date, Figures.POS_TXN * bank.volume);
        long amountTarget = season.amountQuota(
                Season.Shape.SHOPPING, date, Figures.POS_TXN * bank.volume, Figures.POS_AMOUNT_FEN * bank.volume);
        long feeTarget = season.amountQuota(
                Season.Shape.SHOPPING, date, Figures.POS_TXN * bank.volume, Figures.POS_FEE_FEN * bank.volume);
        List<Ev> made = new ArrayList<>();
        long fixedAmount = 0;
        // suspicious patterns for the risk rules, when the day is big enough to hold them
        if (count >= 12 && r.nextDouble() < 0.35) {
            List<Integer> among = negotiated.isEmpty() ? active : negotiated;
            int m = among.get(r.nextInt(among.size()));
            int pattern = r.nextInt(3);
            long card = r.nextLong();
            int t = 10 * 3600 + r.nextInt(8 * 3600);
            int n = pattern == 1 ? 3 + r.nextInt(4) : 1 + r.nextInt(2);
            long base = (pattern == 0
                    ? new long[] {2_000_000, 3_000_000, 5_000_000}[r.nextInt(3)]
                    : 500_000 + r.nextInt(500_000));
            for (int i = 0; i < n && fixedAmount + base < amountTarget / 3; i++) {
                Ev e = ev(POS, pattern == 2 ? 3600 + r.nextInt(4 * 3600) : t + i * (60 + r.nextInt(120)));
                e.a = m;
                e.c = 0;
                e.x = 0;
                e.y = 2;
                e.b = -1;
                e.key = pattern == 0 ? r.nextLong() : card;
                e.amount = pattern == 1 ? base - i * (50 + r.nextInt(150)) : pattern == 0 ? base : base / 100 * 100;
                fixedAmount += e.amount;
                made.add(e);
            }
        }
        long regular = Math.max(0, count - made.size());
        List<Ev> scaled = new ArrayList<>();
        double rawSum = 0;
        double[] raw = new double[(int) regular];
        // each sale has a merchant of either kind in view; which one takes it is settled once the amounts are known
        int[] onNegotiated = new int[(int) regular];
        int[] onStandard = new int[(int) regular];
        for (int i = 0; i < regular; i++) {
            onNegotiated[i] = popular(r, negotiated);
            onStandard[i] = popular(r, standard);
            Ev e = ev(POS, shopTime(r));
            e.a = onNegotiated[i] >= 0 ? onNegotiated[i] : onStandard[i];
            double kind = r.nextDouble();
            e.x = (byte) (kind < 0.98 ? 0 : kind < 0.995 ? 1 : 2);
            double iss = r.nextDouble();
            e.y = (byte) (iss < 0.3 ? 0 : iss < 0.75 ? 1 : 2);
            e.b = e.y == 0 ? activeCard(r) : -1;
            if (e.y == 0 && e.b < 0) {
                e.y = 1;
            }
            e.key = r.nextLong();
            raw[i] = Rng.lognormalFactor(r, 1.2);
            rawSum += raw[i];
            scaled.add(e);
            made.add(e);
        }
        long remaining = Math.max(0, amountTarget - fixedAmount);
        long assigned = 0;
        for (int i = 0; i < scaled.size(); i++) {
            long a = i == scaled.size() - 1
                    ? remaining - assigned
                    : Math.max(100, Math.round(remaining * raw[i] / rawSum));
            a = Math.max(100, a);
            scaled.get(i).amount = a;
            assigned += a;
        }
        // each sale's fee is its amount at its merchant's signed rate. The merchants on a standard rate take the
        // day's sales up to the amount whose fees, with those of the negotiated rates, make the day's fee income;
        // what a day cannot make (a sale does not split) is made up on the next days
        long fixedFees = 0;
        // the suspicious patterns' sales come first, the scaled ones after them
        for (Ev e : made.subList(0, made.size() - scaled.size())) {
            if (e.x == 0) {
                e.fee = fee(e.amount, bank.mMdr.get(e.a));
                fixedFees += e.fee;
            }
        }
        long regularSales = 0;
        for (Ev e : scaled) {
            regularSales += e.x == 0 ? e.amount : 0;
        }
        double low = meanRate(negotiated);
        double high = meanRate(standard);
        double want = feeTarget + bank.posFeeCarry - fixedFees;
        double toStandard = standard.isEmpty()
                ? 0
                : negotiated.isEmpty() ? Double.MAX_VALUE : Math.max(0, (want - low * regularSales) / (high - low));
        long taken = 0;
        long charged = fixedFees;
        for (int i = 0; i < scaled.size(); i++) {
            Ev e = scaled.get(i);
            boolean standardRate =
                    onStandard[i] >= 0 && (onNegotiated[i] < 0 || (e.x == 0 && taken + e.amount <= toStandard));
            e.a = standardRate ? onStandard[i] : onNegotiated[i];
            e.c = r.nextInt(1 + Rng.pick(seed, 87, e.a, 3));
            if (e.x == 0) {
                taken += standardRate ? e.amount : 0;
                e.fee = fee(e.amount, bank.mMdr.get(e.a));
                charged += e.fee;
            }
        }
        bank.posFeeCarry += feeTarget - charged;
    }

    /** A merchant of {@code among}, the busier ones more often; -1 when there is none. */
    private int popular(SplittableRandom r, List<Integer> among) {
        if (among.isEmpty()) {
            return -1;
        }
        int m = among.get(r.nextInt(among.size()));
        if (r.nextDouble() > 0.3 + 0.7 * Rng.unit(seed, 86, m)) {
            m = among.get(r.nextInt(among.size()));
        }
        return m;
    }

    /** The mean signed rate of {@code merchants}, as a fraction of the amount. */
    private double meanRate(List<Integer> merchants) {
        double sum = 0;
        for (int m : merchants) {
            sum += bank.mMdr.get(m);
        }
        return merchants.isEmpty() ? 0 : sum / merchants.size() / 1e6;
    }

    /** The fee of a sale of {@code amount} fen at a rate of {@code mdr} millionths, to the nearest fen. */
    static long fee(long amount, int mdr) {
        return (amount * mdr + 500_000) / 1_000_000;
    }

    // ================================================================ online banking

    private void online() {
        SplittableRandom r = rng(50);
        List<List<Integer>> users = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            users.add(new ArrayList<>());
        }
        for (int u = 0, n = bank.ebUsers(); u < n; u++) {
            if (bank.eSign.get(u) <= day) {
                users.get(bank.eType.get(u)).add(u);
            }
        }
        double v = bank.volume;
        transfers(r, users.get(Bank.EB_PNET), 0, Figures.PNET_INTR * v, Figures.PNET_INTR_FEN * v);
        transfers(r, users.get(Bank.EB_PNET), 1, Figures.PNET_INTE * v, Figures.PNET_INTE_FEN * v);
        transfers(r, users.get(Bank.EB_PNET), 2, Figures.PNET_NXY * v, Figures.PNET_NXY_FEN * v);
        transfers(r, users.get(Bank.EB_CNET), 1, Figures.CNET_INTE * v, Figures.CNET_INTE_FEN * v);
        transfers(r, users.get(Bank.EB_CNET), 2, Figures.CNET_NXY * v, Figures.CNET_NXY_FEN * v);
        transfers(r, users.get(Bank.EB_MOB), 0, Figures.MOB_TXN * 0.4 * v, Figures.MOB_TXN_FEN * 0.4 * v);
        transfers(r, users.get(Bank.EB_MOB), 1, Figures.MOB_TXN * 0.58 * v, Figures.MOB_TXN_FEN * 0.58 * v);
        transfers(r, users.get(Bank.EB_MOB), 2, Figures.MOB_TXN * 0.02 * v, Figures.MOB_TXN_FEN * 0.02 * v);
    }

    private void transfers(SplittableRandom r, List<Integer> users, int kind, double annual, double annualFen) {
        long n = season.quota(Season.Shape.ONLINE, date, annual);
        // each kind of transfer drifts in its own way: no two months alike, no average repeated to the fen
        long target = season.varyingAmountQuota(
                Season.Shape.ONLINE, date, annual, annualFen, (long) kind * 7 + (long) annualFen);
        if (n == 0 || users.isEmpty()) {
            return;
        }
        double[] raw = new double[(int) n];
        double sum = 0;
        List<Ev> made = new ArrayList<>();
        List<Integer> regulars = kind == 0 ? regularPayers(users) : List.of();
        for (int i = 0; i < n; i++) {
            Ev e = ev(EB, onlineTime(r));
            e.a = users.get(r.nextInt(users.size()));
            e.x = (byte) kind;
            e.b = kind == 0 ? payeeAccount(r) : -1;
            e.key = r.nextLong();
            if (!regulars.isEmpty() && (e.key & 3) == 0) {
                // a quarter of the transfers within the bank: a regular payer paying the person they pay often
                e.a = regulars.get((int) Math.floorMod(e.key >> 2, (long) regulars.size()));
                e.b = regularPayee(e.a);
            }
            raw[i] = Rng.lognormalFactor(r, 1.0);
            sum += raw[i];
            made.add(e);
        }
        long assigned = 0;
        for (int i = 0; i < made.size(); i++) {
            Ev e = made.get(i);
            long a = i == made.size() - 1 ? target - assigned : Math.round(target * raw[i] / sum);
            a = Math.max(100, a);
            long single = bank.eSingle.get(e.a);
            if (single > 0 && a > single && i < made.size() - 1) {
                a = single;
            }
            e.amount = a;
            assigned += a;
        }
    }

    /**
     * The personal e-banking users among {@code users} who pay one other person often (a relative or a neighbour in
     * another household): one in a hundred, those with someone to pay. Who they are and whom they pay never change,
     * so that the warehouse finds them as frequent counterparties.
     */
    private List<Integer> regularPayers(List<Integer> users) {
        List<Integer> out = new ArrayList<>();
        for (int u : users) {
            int p = bank.eCust.get(u);
            if (p >= 0 && Rng.unit(seed, 33, p) < 0.01 && regularPayee(u) >= 0) {
                out.add(u);
            }
        }
        return out;
    }

    /** The card account of the head of another household whom the user's person pays often; -1 when none. */
    private int regularPayee(int u) {
        int p = bank.eCust.get(u);
        int households = Math.max(2, bank.scaled(Figures.PERSONS, 30) / 3);
        int q = 3 * ((p / 3 + 1 + Rng.pick(seed, 34, p, households - 1)) % households);
        if (p < 0 || q >= bank.persons()) {
            return -1;
        }
        int acct = bank.pCardAcct.get(q);
        return acct >= 0 && acct != bank.eAcct.get(u) ? acct : -1;
    }

    /** An intra-bank payee: the account of a company or a merchant. */
    private int payeeAccount(SplittableRandom r) {
        if (r.nextDouble() < 0.5 && bank.merchants() > 0) {
            return bank.mAcct.get(r.nextInt(bank.merchants()));
        }
        int c = 3 * bank.banks + r.nextInt(Math.max(1, bank.companies() - 3 * bank.banks));
        return bank.cAcct.get(Math.min(c, bank.companies() - 1));
    }

    // ================================================================ agency payouts and deductions

    private void payouts() {
        SplittableRandom r = rng(60);
        int dom = date.getDayOfMonth();
        int month = date.getMonthValue();
        if (dom == 10) {
            pensions();
        }
        int subsidy = subsidyIndex(month, dom);
        if (subsidy >= 0) {
            subsidies(subsidy, r);
        }
        int deduct = deductionIndex(month, dom);
        if (deduct >= 0) {
            deductions(deduct);
        }
        if (dom == 25) {
            payroll(r);
        }
    }

    private Batch batch(String type, int payerCompany, int org, String memo, boolean payout, int time) {
        Batch b = new Batch();
        b.type = type;
        b.payer = payerCompany;
        b.org = org;
        b.memo = memo;
        b.payout = payout;
        String prefix = switch (type) {
            case "PENSION" -> "PEN";
            case "SUBSIDY" -> "SUB";
            case "PDEDUCT" -> "PDD";
            default -> "PAY";
        };
        b.no = prefix + ymd + People.orgId(org) + Ids.zeros(batches.size(), 6);
        batches.add(b);
        Ev start = ev(BATCH_START, time - 1);
        start.a = batches.size() - 1;
        return b;
    }

    private void detail(Batch b, int acct, long amount, int time) {
        Ev e = ev(DETAIL, time);
        e.a = batches.indexOf(b);
        e.b = acct;
        e.amount = amount;
        b.count++;
        b.total += amount;
    }

    private void endBatch(Batch b, int time) {
        Ev e = ev(BATCH_END, time);
        e.a = batches.indexOf(b);
    }

    private void pensions() {
        int households = bank.pensionerHouseholds();
        Map<Integer, Batch> byOrg = new HashMap<>();
        List<Batch> order = new ArrayList<>();
        int t = 2 * 3600;
        int i = 0;
        for (int h = 0; h < households; h++) {
            int p = 3 * h + 2;
            if (p >= bank.persons() || bank.pCardAcct.get(p) < 0) {
                continue;
            }
            int acct = bank.pCardAcct.get(p);
            int org = bank.aOrg.get(acct);
            Batch b = byOrg.get(org);
            if (b == null) {
                int gov = bank.bankOfOrg(org) * 3;
                b = batch("PENSION", gov, org, "城乡居民基础养老金", true, t);
                byOrg.put(org, b);
                order.add(b);
            }
            double u = Rng.golden(h, 0.37);
            long amount = u < 0.5 ? 5_300 : u < 0.8 ? 5_800 : 6_600;
            detail(b, acct, amount, t + i++ / perSecond());
        }
        for (Batch b : order) {
            endBatch(b, t + i / perSecond() + 1);
        }
    }

    /** Batch records processed per second: 20 for one bank, more for a province, so a batch ends within the hour. */
    private int perSecond() {
        return Math.max(20, (int) Math.round(30 * bank.volume));
    }

    /** 24 subsidy payout days a year: the 8th and 22nd of January to November, 15 March and 15 April. */
    static int subsidyIndex(int month, int dom) {
        if (month <= 11 && (dom == 8 || dom == 22)) {
            return (month - 1) * 2 + (dom == 22 ? 1 : 0);
        }
        if (dom == 15 && (month == 3 || month == 4)) {
            return 22 + (month - 3);
        }
        return -1;
    }

    private void subsidies(int k, SplittableRandom r) {
        long n = share(Figures.SUBSIDY_PAYMENTS * bank.volume, k, 24);
        long target = share(Figures.SUBSIDY_FEN * bank.volume, k, 24);
        if (n == 0 || bank.cards() == 0) {
            return;
        }
        String programme = Names.SUBSIDIES[(k + date.getYear()) % Names.SUBSIDIES.length];
        Map<Integer, Batch> byBank = new HashMap<>();
        List<Integer> accts = new ArrayList<>();
        int cursor = bank.subsidyCursor;
        int scanned = 0;
        while (accts.size() < n && scanned < bank.cards()) {
            int card = cursor % bank.cards();
            cursor++;
            scanned++;
            if (bank.kStatus.get(card) != 'C' && bank.kReplaced.get(card) == Bank.NONE) {
                accts.add(bank.kAcct.get(card));
            }
        }
        bank.subsidyCursor = cursor % Math.max(1, bank.cards());
        double[] raw = new double[accts.size()];
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Rng.lognormalFactor(r, 0.5);
            sum += raw[i];
        }
        int t = 3 * 3600;
        long assigned = 0;
        for (int i = 0; i < accts.size(); i++) {
            int acct = accts.get(i);
            int b = bank.bankOfOrg(bank.aOrg.get(acct));
            Batch batch = byBank.get(b);
            if (batch == null) {
                batch = batch("SUBSIDY", b * 3 + 1, b * Bank.ORGS_PER_BANK, programme, true, t);
                byBank.put(b, batch);
            }
            long a = i == accts.size() - 1 ? target - assigned : Math.round(target * raw[i] / sum);
            a = Math.max(1, a);
            assigned += a;
            detail(batch, acct, a, t + i / perSecond());
        }
        for (int b = 0; b < bank.banks; b++) {
            if (byBank.containsKey(b)) {
                endBatch(byBank.get(b), t + accts.size() / perSecond() + 1);
            }
        }
    }

    /** The k-th of {@code parts} equal shares of a total, rounded so that the shares sum to the total. */
    static long share(double total, int k, int parts) {
        return Math.round(total * (k + 1) / parts) - Math.round(total * k / parts);
    }

    private static final int[][] DEDUCTION_DAYS = {
        {1, 5}, {1, 8}, {1, 12}, {1, 15}, {1, 19}, {1, 22}, {1, 26}, {2, 10}, {2, 14}, {2, 18}, {2, 22}, {3, 3},
        {3, 7}, {3, 11}, {3, 16}, {3, 19}, {3, 23}, {9, 5}, {9, 10}, {9, 15}, {9, 20}, {9, 25}, {10, 10}, {10, 15},
        {10, 20}, {10, 25}, {11, 5}, {11, 10}, {11, 15}, {11, 20}, {11, 25}, {12, 5}, {12, 10}, {12, 15}
    };

    static int deductionIndex(int month, int dom) {
        for (int i = 0; i < DEDUCTION_DAYS.length; i++) {
            if (DEDUCTION_DAYS[i][0] == month && DEDUCTION_DAYS[i][1] == dom) {
                return i;
            }
        }
        return -1;
    }

    private void deductions(int k) {
        long n = share(Figures.PDEDUCT_HOUSEHOLDS * bank.volume, k, Figures.PDEDUCT_BATCHES);
        int households = Math.max(1, bank.persons() / 3);
        long firstHousehold = Math.round(Figures.PDEDUCT_HOUSEHOLDS * bank.volume * k / Figures.PDEDUCT_BATCHES);
        Batch[] perBank = new Batch[bank.banks];
        int t = 5 * 3600;
        int i = 0;
        for (long j = 0; j < n; j++) {
            int h = (int) ((firstHousehold + j) * 7 % households);
            int p = 3 * h;
            int acct = -1;
            for (int m = 0; m < 3 && acct < 0; m++) {
                if (p + m < bank.persons()) {
                    acct = bank.pCardAcct.get(p + m);
                }
            }
            if (acct < 0) {
                acct = firstCardAccount(h);
            }
            int b = bank.bankOfOrg(bank.aOrg.get(acct));
            if (perBank[b] == null) {
                perBank[b] = batch("PDEDUCT", b * 3 + 2, b * Bank.ORGS_PER_BANK, "城乡居民养老保险费代扣", false, t);
            }
            double u = Rng.golden(h, 0.11);
            long amount = u < 0.6 ? 10_000 : u < 0.9 ? 20_000 : u < 0.97 ? 30_000 : 50_000;
            detail(perBank[b], acct, amount, t + i++ / perSecond());
        }
        for (Batch b : perBank) {
            if (b != null) {
                endBatch(b, t + i / perSecond() + 1);
            }
        }
    }

    private int firstCardAccount(int h) {
        for (int k = h; k < bank.cards() + h; k++) {
            int card = k % bank.cards();
            if (bank.kStatus.get(card) != 'C') {
                return bank.kAcct.get(card);
            }
        }
        return bank.kAcct.get(0);
    }

    private void payroll(SplittableRandom r) {
        int employers = Math.max(1, bank.scaled(Figures.PAYROLL_EMPLOYERS, 1));
        Batch[] batchOf = new Batch[employers];
        int t = 4 * 3600;
        int i = 0;
        for (int p = 0, n = bank.persons(); p < n; p++) {
            if (bank.pCardAcct.get(p) < 0
                    || Rng.unit(seed, 72, p) >= 0.08
                    || !people.occupation(p).equals("WORKER")) {
                continue;
            }
            int e = Rng.pick(seed, 71, p, employers);
            if (batchOf[e] == null) {
                int company = 3 * bank.banks + e;
                if (company >= bank.companies()) {
                    continue;
                }
                batchOf[e] = batch("PAYROLL", company, bank.companyOrg(company), "代发工资", true, t);
            }
            long salary = Math.round(450_000 * Rng.lognormalFactor(Rng.unit(seed, 73, p), 0.35)) / 100 * 100;
            detail(batchOf[e], bank.pCardAcct.get(p), salary, t + i++ / perSecond());
        }
        for (Batch b : batchOf) {
            if (b != null) {
                endBatch(b, t + i / perSecond() + 1);
            }
        }
    }

    // ================================================================ counter rebalancing and interest

    private void counter() {
        SplittableRandom r = rng(70);
        double w = Season.weight(Season.Shape.COUNTER, date);
        for (int a = 0, n = bank.accounts(); a < n; a++) {
            if (bank.aStatus.get(a) != 'N' || bank.aProduct.get(a) != Bank.CUR || bank.aOpen.get(a) > day) {
                continue;
            }
            int kind = bank.aKind.get(a);
            double p = switch (kind) {
                case Bank.K_CARD -> 0.12;
                case Bank.K_COMPANY -> 0.2;
                case Bank.K_MERCHANT -> 0.3;
                case Bank.K_LOAN -> 0.5;
                default -> 0;
            };
            if (p > 0 && r.nextDouble() < p * w) {
                Ev e = ev(VALVE, counterTime(r));
                e.a = a;
                e.key = r.nextLong();
            }
        }
    }

    private void interest() {
        int m = date.getMonthValue();
        if (date.getDayOfMonth() != 21 || m % 3 != 0) {
            return;
        }
        for (int a = 0, n = bank.accounts(); a < n; a++) {
            if (bank.aProduct.get(a) == Bank.CUR && bank.aStatus.get(a) != 'C' && bank.aKind.get(a) != Bank.K_GOV) {
                Ev e = ev(INTEREST, 1800 + a % 1800);
                e.a = a;
            }
        }
    }

    // ================================================================ applying events

    private void apply(Ev e) throws IOException {
        switch (e.kind) {
            case OPEN ->
                post(
                        e.a,
                        'C',
                        e.amount,
                        e.time,
                        "CNT",
                        "1001",
                        cardOf(e.a),
                        teller(e.a, e.order),
                        bank.aOrg.get(e.a),
                        null,
                        null,
                        null,
                        null,
                        "开户存入");
            case VALVE -> valve(e);
            case DEV -> applyDevice(e);
            case POS -> applyPos(e);
            case EB -> applyOnline(e);
            case BATCH_START -> {
                Batch b = batches.get(e.a);
                if (b.payout) {
                    int acct = bank.cAcct.get(b.payer);
                    post(
                            acct,
                            'C',
                            b.total,
                            e.time,
                            "OTH",
                            "9002",
                            null,
                            null,
                            bank.aOrg.get(acct),
                            null,
                            null,
                            null,
                            null,
                            b.type.equals("PAYROLL") ? "货款收入" : "财政资金划入");
                }
            }
            case DETAIL -> applyDetail(e);
            case BATCH_END -> {
                Batch b = batches.get(e.a);
                int acct = bank.cAcct.get(b.payer);
                post(
                        acct,
                        b.payout ? 'D' : 'C',
                        b.succAmt,
                        e.time,
                        "BAT",
                        b.payout ? "6001" : "6002",
                        null,
                        null,
                        bank.aOrg.get(acct),
                        null,
                        null,
                        null,
                        null,
                        b.memo + "批量" + (b.payout ? "代发" : "代扣") + "汇总");
            }
            case DISBURSE -> {
                int acct = bank.lSettle.get(e.a);
                int subject = 0;
                glDr[bank.lOrg.get(e.a) * SUBJECTS.length + subject] += e.amount;
                post(
                        acct,
                        'C',
                        e.amount,
                        e.time,
                        "CNT",
                        "8001",
                        null,
                        teller(acct, e.order),
                        bank.lOrg.get(e.a),
                        null,
                        null,
                        null,
                        null,
                        "贷款发放");
            }
            case REPAY -> repay(e);
            case INTEREST -> {
                long bal = bank.aBal.get(e.a);
                long interest = (bal * 1500 / 4 + 500_000) / 1_000_000;
                if (interest > 0) {
                    glDr[bank.aOrg.get(e.a) * SUBJECTS.length + 4] += interest;
                    post(
                            e.a,
                            'C',
                            interest,
                            e.time,
                            "BAT",
                            "7001",
                            null,
                            null,
                            bank.aOrg.get(e.a),
                            null,
                            null,
                            null,
                            null,
                            "结息");
                }
            }
            default -> throw new IllegalStateException("event " + e.kind);
        }
    }

    private void valve(Ev e) throws IOException {
        int a = e.a;
        long bal = bank.aBal.get(a);
        long target = bank.aTarget.get(a);
        long diff = target - bal;
        SplittableRandom r = new SplittableRandom(e.key);
        long threshold = Math.max(20_000, target / 5);
        if (Math.abs(diff) <= threshold && bank.aKind.get(a) != Bank.K_LOAN) {
            return;
        }
        long amount;
        if (bank.aKind.get(a) == Bank.K_LOAN) {
            if (bal <= 0) {
                return;
            }
            amount = bal;
        } else {
            amount = Math.round(Math.abs(diff) * (0.7 + 0.3 * r.nextDouble())) / 10_000 * 10_000;
            if (diff < 0) {
                amount = Math.min(amount, bal);
            }
        }
        if (amount <= 0) {
            return;
        }
        char dc = diff < 0 || bank.aKind.get(a) == Bank.K_LOAN ? 'D' : 'C';
        String teller = teller(a, e.order);
        int org = bank.aOrg.get(a);
        String memo = dc == 'D' ? "现金支取" : "现金存入";
        post(
                a,
                dc,
                amount,
                e.time,
                "CNT",
                dc == 'D' ? "1002" : "1001",
                cardOf(a),
                teller,
                org,
                null,
                null,
                null,
                null,
                memo);
        if (r.nextDouble() < 0.004) {
            char back = dc == 'D' ? 'C' : 'D';
            post(
                    a,
                    back,
                    amount,
                    Math.min(86_399, e.time + 60),
                    "CNT",
                    dc == 'D' ? "1002" : "1001",
                    cardOf(a),
                    teller,
                    org,
                    null,
                    null,
                    null,
                    "1",
                    memo + "冲正");
            post(
                    a,
                    dc,
                    amount,
                    Math.min(86_399, e.time + 120),
                    "CNT",
                    dc == 'D' ? "1002" : "1001",
                    cardOf(a),
                    teller,
                    org,
                    null,
                    null,
                    null,
                    null,
                    memo);
        }
    }

    private void applyDevice(Ev e) throws IOException {
        int d = e.a;
        boolean bmb = bank.dType.get(d) == Bank.DEV_BMB;
        String kind = DEV_KINDS[e.x];
        String cardNo;
        char status = 'S';
        String error = null;
        long amount = e.amount;
        long fee = e.fee;
        if (e.y == 0) {
            if (e.b < 0) {
                return;
            }
            cardNo = cardNo(e.b);
            int acct = bank.kAcct.get(e.b);
            String channel = bmb ? "BMB" : "ATM";
            String deviceId = deviceId(d);
            int org = bank.dOrg.get(d);
            switch (e.x) {
                case 0, 2, 4 -> {
                    if (e.x != 0) {
                        topUp(acct, amount + fee, e.time, cardNo);
                    }
                    if (bank.aBal.get(acct) < amount + fee) {
                        status = 'F';
                        error = "51";
                        fee = 0;
                    } else {
                        post(
                                acct,
                                'D',
                                amount,
                                e.time,
                                channel,
                                e.x == 0 ? (bmb ? "3101" : "3001") : e.x == 2 ? "3003" : "3005",
                                cardNo,
                                null,
                                org,
                                deviceId,
                                e.x == 2 ? externalAccount(e.key) : null,
                                null,
                                e.x == 2 && fee > 0 ? otherBankCode(e.key) : null,
                                e.x == 0 ? (bmb ? "助农取款" : "ATM取款") : e.x == 2 ? "ATM转账" : "自助缴费");
                        if (fee > 0) {
                            post(
                                    acct, 'D', fee, e.time, channel, "3009", cardNo, null, org, deviceId, null, null,
                                    null, "跨行转账手续费");
                        }
                    }
                }
                case 1 ->
                    post(
                            acct, 'C', amount, e.time, channel, "3002", cardNo, null, org, deviceId, null, null, null,
                            "自助存款");
                default -> {}
            }
        } else {
            cardNo = foreignCard(e.y == 1 ? NXY_BINS : OTHER_BINS, e.key);
        }
        if (fee > 0) {
            glCr[bank.dOrg.get(d) * SUBJECTS.length + 6] += fee;
        }
        TableWriter w = out.get("EB_DEVICE_TXN");
        w.add("D" + ymd + Ids.zeros(++devSeq, 10))
                .add(deviceId(d))
                .add(ymd)
                .add(ts(e.time))
                .add(kind)
                .add(cardNo)
                .add(ISSUERS[e.y])
                .money(e.x == 3 ? 0 : amount)
                .money(fee)
                .add(String.valueOf(status))
                .add(error);
        w.endRecord();
    }

    private void applyPos(Ev e) throws IOException {
        int m = e.a;
        String cardNo;
        if (e.y == 0) {
            cardNo = cardNo(e.b);
            int acct = bank.kAcct.get(e.b);
            if (e.x == 0) {
                topUp(acct, e.amount, e.time, cardNo);
                post(
                        acct,
                        'D',
                        e.amount,
                        e.time,
                        "POS",
                        "4001",
                        cardNo,
                        null,
                        bank.mOrg.get(m),
                        terminal(m, e.c),
                        bank.mAcct.get(m) < 0 ? null : acctNo(bank.mAcct.get(m)),
                        merchantName(m),
                        null,
                        "POS消费");
            } else {
                post(
                        acct,
                        'C',
                        e.amount,
                        e.time,
                        "POS",
                        e.x == 1 ? "4002" : "4003",
                        cardNo,
                        null,
                        bank.mOrg.get(m),
                        terminal(m, e.c),
                        acctNo(bank.mAcct.get(m)),
                        merchantName(m),
                        null,
                        e.x == 1 ? "POS退货" : "POS撤销");
            }
        } else {
            cardNo = foreignCard(OTHER_BINS, e.key);
        }
        settle(m, e.x == 0 ? e.amount - e.fee : -e.amount);
        glCr[bank.mOrg.get(m) * SUBJECTS.length + 6] += e.fee;
        String masked = cardNo.substring(0, 6) + "*********" + cardNo.substring(cardNo.length() - 4);
        TableWriter w = out.get("ACQ_POS_TXN");
        w.add("P" + ymd + Ids.zeros(++posSeq, 10))
                .add(merchantId(m))
                .add(terminal(m, e.c))
                .add(ymd)
                .add(ts(e.time))
                .add(POS_KINDS[e.x])
                .add(masked)
                .add(e.y == 0 ? "OWN" : "OTHER")
                .add(e.y == 2 ? "C" : "D")
                .money(e.amount)
                .money(e.fee)
                .add("S");
        w.endRecord();
    }

    private final Map<Integer, Long> settlements = new HashMap<>();

    private void settle(int merchant, long amount) {
        settlements.merge(merchant, amount, Long::sum);
    }

    private void settleMerchants() throws IOException {
        List<Integer> ms = new ArrayList<>(settlements.keySet());
        ms.sort(null);
        for (int m : ms) {
            long net = settlements.get(m);
            int acct = bank.mAcct.get(m);
            if (net > 0) {
                post(
                        acct,
                        'C',
                        net,
                        86_399,
                        "BAT",
                        "6101",
                        null,
                        null,
                        bank.mOrg.get(m),
                        null,
                        null,
                        null,
                        null,
                        "POS商户结算");
            } else if (net < 0) {
                topUp(acct, -net, 86_399, null);
                post(
                        acct,
                        'D',
                        -net,
                        86_399,
                        "BAT",
                        "6101",
                        null,
                        null,
                        bank.mOrg.get(m),
                        null,
                        null,
                        null,
                        null,
                        "POS退货轧差");
            }
        }
    }

    private void applyOnline(Ev e) throws IOException {
        int u = e.a;
        byte type = (byte) bank.eType.get(u);
        int acct = bank.eAcct.get(u);
        String channel = type == Bank.EB_CNET ? "CNET" : type == Bank.EB_MOB ? "MOB" : "NET";
        String code = type == Bank.EB_CNET ? "5101" : type == Bank.EB_MOB ? "5201" : "5001";
        String payee;
        String bankCode;
        if (e.x == 0) {
            payee = acctNo(e.b);
            bankCode = null;
        } else {
            payee = externalAccount(e.key);
            bankCode = e.x == 2 ? nxyBankCode(e.key) : otherBankCode(e.key);
        }
        topUp(acct, e.amount, e.time, null);
        post(
                acct,
                'D',
                e.amount,
                e.time,
                channel,
                code,
                null,
                null,
                bank.aOrg.get(acct),
                null,
                payee,
                null,
                bankCode,
                e.x == 0 ? "行内转账" : e.x == 2 ? "农信银汇款" : "跨行汇款");
        if (e.x == 0) {
            post(
                    e.b,
                    'C',
                    e.amount,
                    e.time,
                    channel,
                    code,
                    null,
                    null,
                    bank.aOrg.get(e.b),
                    null,
                    acctNo(acct),
                    null,
                    null,
                    "行内转入");
        }
        TableWriter w = out.get("EB_TXN");
        w.add("E" + ymd + Ids.zeros(++ebSeq, 10))
                .add(ebUserId(u))
                .add(EB_TYPES[type])
                .add(ymd)
                .add(ts(e.time))
                .add(EB_KINDS[e.x])
                .money(e.amount)
                .money(0)
                .add("S")
                .add(acctNo(acct))
                .add(payee)
                .add(bankCode);
        w.endRecord();
    }

    private void applyDetail(Ev e) throws IOException {
        Batch b = batches.get(e.a);
        int acct = e.b;
        b.seq++;
        char status = bank.aStatus.get(acct) == 'C' || bank.aStatus.get(acct) == 'F' ? 'F' : 'S';
        String reason = status == 'F' ? "账户状态异常" : null;
        int cust = bank.aCust.get(acct);
        String name = cust >= 0 ? people.name(cust) : people.companyName(-cust - 1);
        if (status == 'S') {
            if (b.payout) {
                post(
                        acct,
                        'C',
                        e.amount,
                        e.time,
                        "BAT",
                        b.type.equals("PAYROLL") ? "6003" : "6001",
                        cardOf(acct),
                        null,
                        bank.aOrg.get(acct),
                        null,
                        acctNo(bank.cAcct.get(b.payer)),
                        people.companyName(b.payer),
                        null,
                        b.memo);
            } else if (bank.aBal.get(acct) >= e.amount) {
                post(
                        acct,
                        'D',
                        e.amount,
                        e.time,
                        "BAT",
                        "6002",
                        cardOf(acct),
                        null,
                        bank.aOrg.get(acct),
                        null,
                        acctNo(bank.cAcct.get(b.payer)),
                        people.companyName(b.payer),
                        null,
                        b.memo);
            } else {
                status = 'F';
                reason = "余额不足";
            }
        }
        if (status == 'S') {
            b.succ++;
            b.succAmt += e.amount;
        }
        TableWriter w = out.get("MID_AGENCY_DETAIL");
        w.add(b.no)
                .add(b.seq)
                .add(acctNo(acct))
                .add(name)
                .money(e.amount)
                .add(String.valueOf(status))
                .add(reason);
        w.endRecord();
    }

    private void writeBatch(Batch b) throws IOException {
        TableWriter w = out.get("MID_AGENCY_BATCH");
        w.add(b.no)
                .add(b.type)
                .add(people.companyName(b.payer))
                .add(acctNo(bank.cAcct.get(b.payer)))
                .add(People.orgId(b.org))
                .add(ymd)
                .add(b.count)
                .money(b.total)
                .add(b.succ)
                .money(b.succAmt);
        w.endRecord();
    }

    private void repay(Ev e) throws IOException {
        int l = e.a;
        int acct = bank.lSettle.get(l);
        long total = e.amount + e.fee;
        topUp(acct, total, e.time, null);
        post(acct, 'D', total, e.time, "BAT", "8002", null, null, bank.lOrg.get(l), null, null, null, null, "贷款还款");
        bank.lBal.set(l, bank.lBal.get(l) - e.amount);
        int org = bank.lOrg.get(l);
        glCr[org * SUBJECTS.length] += e.amount;
        glCr[org * SUBJECTS.length + 5] += e.fee;
        if (bank.lBal.get(l) <= 0 || day >= bank.lMaturity.get(l)) {
            bank.lBal.set(l, Math.max(0, bank.lBal.get(l)));
            if (bank.lBal.get(l) == 0) {
                bank.lStatus.set(l, 'S');
            }
        }
        TableWriter w = out.get("CRED_REPAYMENT");
        w.add("R" + ymd + Ids.zeros(++repaySeq, 10))
                .add(loanNo(l))
                .add(ymd)
                .money(e.amount)
                .money(e.fee)
                .money(0)
                .add("BAT");
        w.endRecord();
    }

    /** Brings money in before a debit the balance cannot cover: an inbound transfer from another bank. */
    private void topUp(int acct, long needed, int time, String cardNo) throws IOException {
        long bal = bank.aBal.get(acct);
        if (bal >= needed) {
            return;
        }
        long amount = (needed - bal + 9_999) / 10_000 * 10_000;
        post(acct, 'C', amount, time, "OTH", "9001", cardNo, null, bank.aOrg.get(acct), null, null, null, null, "跨行来账");
    }

    /** Posts one deposit transaction: moves the balance and writes the CORE_DEPOSIT_TXN record. */
    private void post(
            int acct,
            char dc,
            long amount,
            int time,
            String channel,
            String code,
            String cardNo,
            String teller,
            int org,
            String device,
            String oppAcct,
            String oppName,
            String oppBank,
            String memo)
            throws IOException {
        post(acct, dc, amount, time, channel, code, cardNo, teller, org, device, oppAcct, oppName, oppBank, "0", memo);
    }

    private void post(
            int acct,
            char dc,
            long amount,
            int time,
            String channel,
            String code,
            String cardNo,
            String teller,
            int org,
            String device,
            String oppAcct,
            String oppName,
            String oppBank,
            String reversal,
            String memo)
            throws IOException {
        if (amount <= 0) {
            return;
        }
        long bal = bank.aBal.get(acct) + (dc == 'C' ? amount : -amount);
        bank.aBal.set(acct, bal);
        int subject = depositSubject(acct);
        int acctOrg = bank.aOrg.get(acct);
        if (dc == 'C') {
            glCr[acctOrg * SUBJECTS.length + subject] += amount;
        } else {
            glDr[acctOrg * SUBJECTS.length + subject] += amount;
        }
        TableWriter w = out.get("CORE_DEPOSIT_TXN");
        w.add(ymd + Ids.zeros(++txnSeq, 10))
                .add(ymd)
                .add(ts(time))
                .add(acctNo(acct))
                .add(String.valueOf(dc))
                .money(amount)
                .money(bal)
                .add(channel)
                .add(code)
                .add(cardNo)
                .add(teller)
                .add(People.orgId(org))
                .add(device)
                .add(oppAcct)
                .add(oppName)
                .add(oppBank)
                .add(reversal)
                .add(memo);
        w.endRecord();
    }

    private int depositSubject(int acct) {
        if (bank.aCust.get(acct) < 0) {
            return 1;
        }
        return bank.aProduct.get(acct) == Bank.CUR ? 2 : 3;
    }

    // ================================================================ expenses and customers

    private void expenses() throws IOException {
        SplittableRandom r = rng(80);
        TableWriter w = out.get("FIN_EXPENSE");
        int seq = 0;
        String[] memos = {"购置点钞机", "宣传折页印刷", "水电费", "IC卡读卡器更换", "营销活动礼品", "自助设备维修", "办公用品"};
        String[] cats = {"EQUIP", "MKT", "OTHER", "EQUIP", "MKT", "EQUIP", "OTHER"};
        for (int org = 0; org < bank.orgs(); org++) {
            if (date.getDayOfMonth() == 15) {
                for (int k = 0; k < People.staffPerOrg(org); k++) {
                    if (people.staffLeft(org, k)) {
                        continue;
                    }
                    String post = People.post(org, k);
                    long base = switch (post) {
                        case "HEAD" -> 1_200_000;
                        case "AUTH" -> 800_000;
                        case "CM" -> 750_000;
                        case "OFFICE" -> 700_000;
                        case "TELLER" -> 600_000;
                        default -> 500_000;
                    };
                    long amount = base + Rng.pick(seed, 52, org * 100L + k, 100) * 1_000;
                    w.add("X" + ymd + Ids.zeros(++seq, 6))
                            .add(People.orgId(org))
                            .add(ymd)
                            .add("SALARY")
                            .add(People.staffId(org, k))
                            .money(amount)
                            .add(date.getMonthValue() + "月工资");
                    w.endRecord();
                }
            }
            if (date.getDayOfMonth() == 1 && People.orgLevel(org) == 3) {
                w.add("X" + ymd + Ids.zeros(++seq, 6))
                        .add(People.orgId(org))
                        .add(ymd)
                        .add("RENT")
                        .add(null)
                        .money(500_000 + Rng.pick(seed, 53, org, 10) * 100_000)
                        .add("营业用房租金");
                w.endRecord();
            }
            if (date.getDayOfWeek().getValue() <= 5 && r.nextDouble() < 0.15) {
                int i = r.nextInt(memos.length);
                w.add("X" + ymd + Ids.zeros(++seq, 6))
                        .add(People.orgId(org))
                        .add(ymd)
                        .add(cats[i])
                        .add(People.staffId(org, 0))
                        .money(5_000 + r.nextInt(500_000))
                        .add(memos[i]);
                w.endRecord();
            }
        }
    }

    private void customers(boolean first) throws IOException {
        TableWriter w = out.get("CORE_CUSTOMER");
        List<Integer> changed = new ArrayList<>(changedPersons);
        changed.sort(null);
        int ci = 0;
        for (int p = 0, n = bank.persons(); p < n; p++) {
            boolean isNew = bank.pOpen.get(p) == day;
            boolean isChanged = ci < changed.size() && changed.get(ci) == p;
            if (isChanged) {
                ci++;
            }
            if (first || isNew || isChanged) {
                person(w, p, first || isNew ? "I" : "U");
            }
        }
        for (int c = 0, n = bank.companies(); c < n; c++) {
            if (first || bank.cOpen.get(c) == day) {
                company(w, c);
            }
        }
    }

    private void person(TableWriter w, int p, String flag) throws IOException {
        w.add(custId(p))
                .add("P")
                .add(people.name(p))
                .add("01")
                .add(people.idNumber(p))
                .add(people.male(p) ? "M" : "F")
                .date(people.birth(p))
                .add(people.mobile(p, bank.pVersion.get(p)))
                .add(people.address(p))
                .add(people.townName(p))
                .add(people.village(p))
                .add(people.occupation(p))
                .add(null)
                .add(People.orgId(bank.personOrg(p)))
                .date(LocalDate.ofEpochDay(bank.pOpen.get(p)))
                .add(flag);
        w.endRecord();
    }

    private void company(TableWriter w, int c) throws IOException {
        w.add(custId(-c - 1))
                .add("C")
                .add(people.companyName(c))
                .add("21")
                .add(people.companyCode(c))
                .add(null)
                .add(null)
                .add(people.companyPhone(c))
                .add(people.companyAddress(c))
                .add(people.companyAddress(c).substring(0, 3))
                .add(null)
                .add(null)
                .add(c < 3 * bank.banks ? null : custId(people.legalRep(c)))
                .add(People.orgId(bank.companyOrg(c)))
                .date(LocalDate.ofEpochDay(bank.cOpen.get(c)))
                .add("I");
        w.endRecord();
    }

    // ================================================================ FULL tables

    private void writeFullTables(DeliveryWriter writer) throws IOException {
        TableWriter w = out.get("CORE_ORG");
        for (int org = 0; org < bank.orgs(); org++) {
            int parent = People.orgParent(org);
            int town = People.orgTown(org);
            w.add(People.orgId(org))
                    .add(People.orgName(org))
                    .add(People.orgLevel(org))
                    .add(parent < 0 ? null : People.orgId(parent))
                    .add(Names.TOWNS.get(town).name())
                    .add(String.valueOf(Names.TOWNS.get(town).areaClass()))
                    .add(ymdOf(bank.startDay - 7000 - org * 97))
                    .add("A");
            w.endRecord();
        }
        w = out.get("CORE_STAFF");
        for (int org = 0; org < bank.orgs(); org++) {
            for (int k = 0; k < People.staffPerOrg(org); k++) {
                w.add(People.staffId(org, k))
                        .add(people.staffName(org, k))
                        .add(People.orgId(org))
                        .add(People.post(org, k))
                        .add(ymdOf(bank.startDay - 200 - Rng.pick(seed, 54, org * 100L + k, 9000)))
                        .add(people.staffLeft(org, k) ? "L" : "A");
                w.endRecord();
            }
        }
        w = out.get("CORE_DEPOSIT_ACCT");
        for (int a = 0, n = bank.accounts(); a < n; a++) {
            int product = bank.aProduct.get(a);
            int term = bank.aTerm.get(a);
            String maturity = null;
            String rate = "0.001500";
            if (product == Bank.FIX) {
                LocalDate open = LocalDate.ofEpochDay(bank.aOpen.get(a));
                LocalDate m = open.plusMonths(term);
                while (!m.isAfter(date)) {
                    m = m.plusMonths(term);
                }
                maturity = org.ruralbank.delivery.DeliveryFiles.folder(m);
                rate = switch (term) {
                    case 3 -> "0.012500";
                    case 6 -> "0.014500";
                    case 12 -> "0.016000";
                    case 24 -> "0.017500";
                    case 36 -> "0.020000";
                    default -> "0.020500";
                };
            } else if (product == Bank.NTC) {
                rate = "0.008000";
            }
            w.add(acctNo(a))
                    .add(custId(bank.aCust.get(a)))
                    .add(People.orgId(bank.aOrg.get(a)))
                    .add(product == Bank.CUR ? "CUR" : product == Bank.FIX ? "FIX" : "NTC")
                    .add("CNY")
                    .add(ymdOf(bank.aOpen.get(a)))
                    .add(maturity)
                    .add(product == Bank.CUR ? null : Integer.toString(term))
                    .add(rate)
                    .money(bank.aBal.get(a))
                    .add(String.valueOf((char) bank.aStatus.get(a)))
                    .add(bank.aClose.get(a) == Bank.NONE ? null : ymdOf(bank.aClose.get(a)));
            w.endRecord();
        }
        w = out.get("CORE_CARD");
        String[] products = {"JN", "SM", "SB"};
        for (int k = 0, n = bank.cards(); k < n; k++) {
            int acct = bank.kAcct.get(k);
            w.add(cardNo(k))
                    .add(acctNo(acct))
                    .add(custId(bank.aCust.get(acct)))
                    .add(products[bank.kProduct.get(k)])
                    .add(String.valueOf((char) bank.kMedium.get(k)))
                    .add(People.orgId(bank.kOrg.get(k)))
                    .add(ymdOf(bank.kIssue.get(k)))
                    .add(String.valueOf((char) bank.kStatus.get(k)))
                    .add(bank.kActivate.get(k) == Bank.NONE ? null : ymdOf(bank.kActivate.get(k)))
                    .add(bank.kReplaced.get(k) == Bank.NONE ? null : cardNo(bank.kReplaced.get(k)));
            w.endRecord();
        }
        writeLoans();
        writeGl();
        w = out.get("EB_USER");
        for (int u = 0, n = bank.ebUsers(); u < n; u++) {
            boolean cnet = bank.eType.get(u) == Bank.EB_CNET;
            w.add(ebUserId(u))
                    .add(custId(bank.eCust.get(u)))
                    .add(EB_TYPES[bank.eType.get(u)])
                    .add(People.orgId(bank.eOrg.get(u)))
                    .add(ymdOf(bank.eSign.get(u)))
                    .add("A")
                    .add(acctNo(bank.eAcct.get(u)));
            if (cnet) {
                w.money(bank.eSingle.get(u)).money(bank.eDaily.get(u));
            } else {
                w.add(null).add(null);
            }
            w.endRecord();
        }
        w = out.get("EB_DEVICE");
        String[] types = {"ATM", "CRS", "BMB", "PBK", "EXP"};
        for (int d = 0, n = bank.devices(); d < n; d++) {
            int t = bank.dType.get(d);
            int org = bank.dOrg.get(d);
            String location;
            if (t == Bank.DEV_BMB) {
                int host = bank.dMerchant.get(d);
                int owner = bank.mCust.get(host);
                location = (owner >= 0
                                ? people.townName(owner) + people.village(owner)
                                : Names.TOWNS.get(People.orgTown(org)).name())
                        + "便民服务站";
            } else {
                location = People.orgName(org).replace("农商银行", "") + (bank.dOffsite.get(d) == 1 ? "离行自助点" : "自助银行");
            }
            w.add(deviceId(d))
                    .add(types[t])
                    .add(People.orgId(org))
                    .add(location)
                    .add(bank.dOffsite.get(d) == 1 ? "Y" : "N")
                    .add(bank.dMerchant.get(d) < 0 ? null : merchantId(bank.dMerchant.get(d)))
                    .add(ymdOf(bank.dInstall.get(d)))
                    .add(String.valueOf((char) bank.dStatus.get(d)));
            w.endRecord();
        }
        w = out.get("ACQ_MERCHANT");
        for (int m = 0, n = bank.merchants(); m < n; m++) {
            int owner = bank.mCust.get(m);
            Names.ShopKind shop = Names.SHOPS[bank.mShop.get(m)];
            int market = Rng.pick(seed, 88, m, 10);
            w.add(merchantId(m))
                    .add(merchantName(m))
                    .add(shop.mcc())
                    .add(custId(owner))
                    .add(acctNo(bank.mAcct.get(m)))
                    .add(People.orgId(bank.mOrg.get(m)))
                    .add(People.staffId(bank.mOrg.get(m), People.manager(bank.mOrg.get(m), Rng.unit(seed, 89, m))))
                    .add(market < 2 ? Names.MARKETS[market] : null)
                    .add(owner >= 0 ? people.address(owner) : people.companyAddress(-owner - 1))
                    .add(ymdOf(bank.mSign.get(m)))
                    .add(mdr(bank.mMdr.get(m)))
                    .add(String.valueOf((char) bank.mStatus.get(m)))
                    .add((bank.mFlags.get(m) & 1) != 0 ? "Y" : "N")
                    .add((bank.mFlags.get(m) & 2) != 0 ? "Y" : "N");
            w.endRecord();
        }
    }

    /** The group sizes of {@link #rings()}: mutual pairs, joint circles, then chains (negative: a chain of that many). */
    private static final int[] RING_SIZES = {2, 2, 3, 3, 4, -3, -3};

    /**
     * Guarantee circles and chains, so that the risk office's list has something to find: among the guaranteed loans
     * of persons in the opening book that run beyond the first year (present and active on every date generated),
     * groups of {@link #RING_SIZES} are formed, each within one org where one has enough of them (taking the orgs in turn), else from the whole book. In a circle of loans l0..lk-1 the borrower of each
     * next loan guarantees the loan before it (2: a mutual guarantee, 互保; 3 and 4: joint circles, 联保); in a chain
     * the borrower of l1 guarantees l0 and the borrower of l2 guarantees l1. Loan index → its extra guarantor.
     */
    private Map<Integer, Integer> rings() {
        List<Integer> eligible = new ArrayList<>();
        java.util.Set<Integer> borrowers = new java.util.HashSet<>();
        int opening = Math.min(bank.loans(), bank.scaled(Figures.LOANS_AT_START, 5));
        for (int i = 0; i < opening; i++) {
            int cust = bank.lCust.get(i);
            if (bank.lGuarantee.get(i) == 'G'
                    && cust >= 0
                    && bank.lTrouble.get(i) == Bank.NONE
                    && bank.lMaturity.get(i) > bank.startDay + 400
                    && borrowers.add(cust)) {
                eligible.add(i);
            }
        }
        // a group's loans come from one org when one has enough (guarantors are neighbours), each group from the
        // next org in turn; otherwise from the whole book
        Map<Integer, List<Integer>> byOrg = new java.util.TreeMap<>();
        for (int i : eligible) {
            byOrg.computeIfAbsent(bank.lOrg.get(i), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> orgs = new ArrayList<>(byOrg.values());
        Map<Integer, Integer> ring = new HashMap<>();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        int turn = 0;
        for (int size : RING_SIZES) {
            int k = Math.abs(size);
            List<Integer> loans = null;
            for (int o = 0; o < orgs.size() && loans == null; o++) {
                List<Integer> free = orgs.get((turn + o) % orgs.size()).stream()
                        .filter(i -> !used.contains(i))
                        .toList();
                if (free.size() >= k) {
                    loans = free.subList(0, k);
                    turn = (turn + o + 1) % orgs.size();
                }
            }
            if (loans == null) {
                List<Integer> free =
                        eligible.stream().filter(i -> !used.contains(i)).toList();
                if (free.size() < k) {
                    break;
                }
                loans = free.subList(0, k);
            }
            used.addAll(loans);
            for (int j = 0; j < (size > 0 ? k : k - 1); j++) {
                ring.put(loans.get(j), bank.lCust.get(loans.get((j + 1) % k)));
            }
        }
        return ring;
    }

    private void writeLoans() throws IOException {
        Map<Integer, Integer> rings = rings();
        TableWriter c = out.get("CRED_LOAN_CONTRACT");
        TableWriter l = out.get("CRED_LOAN");
        TableWriter g = out.get("CRED_GUARANTEE");
        for (int i = 0, n = bank.loans(); i < n; i++) {
            String contract = contractNo(i);
            int org = bank.lOrg.get(i);
            int product = bank.lProduct.get(i);
            String rate = mdr(Loans.rate(bank, i));
            char status = (char) bank.lStatus.get(i);
            String cust = custId(bank.lCust.get(i));
            char guarantee = (char) bank.lGuarantee.get(i);
            c.add(contract)
                    .add(cust)
                    .add(People.orgId(org))
                    .add(People.staffId(org, People.manager(org, Rng.unit(seed, 92, i))))
                    .add(Loans.PRODUCTS[product])
                    .money(bank.lAmount.get(i))
                    .add(rate)
                    .add(ymdOf(bank.lStart.get(i)))
                    .add(ymdOf(bank.lMaturity.get(i)))
                    .add(Loans.METHODS[product])
                    .add(String.valueOf(guarantee))
                    .add(String.valueOf(status));
            c.endRecord();
            int since = bank.lDueSince.get(i);
            int dpd = since == Bank.NONE ? 0 : day - since;
            l.add(loanNo(i))
                    .add(contract)
                    .add(cust)
                    .add(People.orgId(org))
                    .add(ymdOf(bank.lStart.get(i)))
                    .add(ymdOf(bank.lMaturity.get(i)))
                    .money(bank.lAmount.get(i))
                    .money(bank.lBal.get(i))
                    .add(rate)
                    .money(bank.lOvdPrin.get(i))
                    .money(bank.lOvdInt.get(i))
                    .add(dpd)
                    .add(String.valueOf(Loans.class5(bank, i, day)))
                    .add(String.valueOf(status))
                    .add(acctNo(bank.lSettle.get(i)));
            l.endRecord();
            if (guarantee == 'G') {
                int households = Math.max(2, bank.scaled(Figures.PERSONS, 30) / 3);
                int guarantors = 1 + Rng.pick(seed, 93, i, 2);
                int previous = -1;
                for (int k = 0; k < guarantors; k++) {
                    int p = Rng.pick(seed, 94 + k, i, households) * 3 + 1;
                    if (p == previous || p == bank.lCust.get(i)) {
                        continue;
                    }
                    previous = p;
                    g.add(contract)
                            .add(custId(p))
                            .add("G")
                            .money(bank.lAmount.get(i))
                            .add(null);
                    g.endRecord();
                }
                Integer ring = rings.get(i);
                if (ring != null
                        && ring != previous
                        && ring != bank.lCust.get(i)
                        && (guarantors < 2 || ring != Rng.pick(seed, 94, i, households) * 3 + 1)) {
                    g.add(contract)
                            .add(custId(ring))
                            .add("G")
                            .money(bank.lAmount.get(i))
                            .add(null);
                    g.endRecord();
                }
            } else if (guarantee == 'M' || guarantee == 'P') {
                int owner = bank.lCust.get(i);
                String desc = guarantee == 'P'
                        ? "定期存单质押"
                        : owner >= 0
                                ? "房产抵押:" + people.address(owner)
                                : "厂房及土地使用权抵押:" + people.companyAddress(-owner - 1);
                g.add(contract)
                        .add(custId(owner))
                        .add(String.valueOf(guarantee))
                        .money(bank.lAmount.get(i) * 3 / 2)
                        .add(desc);
                g.endRecord();
            }
        }
    }

    private void writeGl() throws IOException {
        int s = SUBJECTS.length;
        long[] balance = new long[bank.orgs() * s];
        for (int a = 0, n = bank.accounts(); a < n; a++) {
            balance[bank.aOrg.get(a) * s + depositSubject(a)] += bank.aBal.get(a);
        }
        for (int l = 0, n = bank.loans(); l < n; l++) {
            if (bank.lStatus.get(l) == 'A') {
                balance[bank.lOrg.get(l) * s] += bank.lBal.get(l);
            }
        }
        TableWriter w = out.get("FIN_GL_BALANCE");
        for (int org = 0; org < bank.orgs(); org++) {
            for (int j = 0; j < s; j++) {
                int i = org * s + j;
                boolean debitSide = j == 0 || j == 4;
                long bal = j >= 4 ? (debitSide ? glDr[i] : glCr[i]) : balance[i];
                w.add(People.orgId(org))
                        .add(SUBJECTS[j][0])
                        .add(SUBJECTS[j][1])
                        .money(debitSide ? bal : 0)
                        .money(debitSide ? 0 : bal)
                        .money(glDr[i])
                        .money(glCr[i]);
                w.endRecord();
            }
        }
    }

    // ================================================================ identifiers and times

    private String acctNo(int a) {
        if (bank.accounts() > ACCOUNT_NUMBER_CACHE_LIMIT) {
            return People.orgId(bank.aOrg.get(a)) + bank.aProduct.get(a) + Ids.zeros(a, 10);
        }
        if (acctNos == null || acctNos.length < bank.accounts()) {
            String[] grown = new String[Math.max(1024, bank.accounts() + bank.accounts() / 8)];
            if (acctNos != null) {
                System.arraycopy(acctNos, 0, grown, 0, acctNos.length);
            }
            acctNos = grown;
        }
        String s = acctNos[a];
        if (s == null) {
            s = People.orgId(bank.aOrg.get(a)) + bank.aProduct.get(a) + Ids.zeros(a, 10);
            acctNos[a] = s;
        }
        return s;
    }

    private String custId(int cust) {
        return cust >= 0 ? "1" + Ids.zeros(cust, 11) : "2" + Ids.zeros(-cust - 1, 11);
    }

    private String cardNo(int k) {
        return Ids.luhn(OWN_BIN + Ids.zeros(k, 12));
    }

    private @Nullable String cardOf(int acct) {
        if (acct >= cardOfAccount.length || cardOfAccount[acct] < 0) {
            return null;
        }
        return cardNo(cardOfAccount[acct]);
    }

    private static String foreignCard(String[] bins, long key) {
        String bin = bins[(int) Math.floorMod(key, (long) bins.length)];
        return Ids.luhn(bin + Ids.zeros(Math.floorMod(key >>> 8, 1_000_000_000_000L), 12));
    }

    private static String externalAccount(long key) {
        return "6" + Ids.zeros(Math.floorMod(key >>> 3, 1_000_000_000_000_000L), 18);
    }

    private static String otherBankCode(long key) {
        String[] banks = {"102", "103", "104", "105", "301", "403"};
        return banks[(int) Math.floorMod(key >>> 5, 6L)] + Ids.zeros(Math.floorMod(key >>> 9, 1_000_000_000L), 9);
    }

    private static String nxyBankCode(long key) {
        return "402" + Ids.zeros(Math.floorMod(key >>> 9, 1_000_000_000L), 9);
    }

    private String deviceId(int d) {
        String[] p = {"ATM", "CRS", "BMB", "PBK", "EXP"};
        return p[bank.dType.get(d)] + People.orgId(bank.dOrg.get(d)) + Ids.zeros(d, 5);
    }

    private String merchantId(int m) {
        return "898" + "36" + Names.SHOPS[bank.mShop.get(m)].mcc() + Ids.zeros(m, 6);
    }

    private String merchantName(int m) {
        int owner = bank.mCust.get(m);
        String shop = Names.SHOPS[bank.mShop.get(m)].suffix();
        if (owner < 0) {
            String company = people.companyName(-owner - 1);
            return company.replace("有限公司", "") + shop;
        }
        return people.townName(owner).replace("镇", "") + people.name(owner) + shop;
    }

    private String terminal(int m, int k) {
        return "T" + Ids.zeros(m, 7) + k;
    }

    private String ebUserId(int u) {
        return EB_TYPES[bank.eType.get(u)] + Ids.zeros(u, 12);
    }

    private String contractNo(int l) {
        return "HT" + People.orgId(bank.lOrg.get(l)) + Ids.zeros(l, 8);
    }

    private String loanNo(int l) {
        return "JJ" + People.orgId(bank.lOrg.get(l)) + Ids.zeros(l, 8);
    }

    private String teller(int acct, int order) {
        int org = bank.aOrg.get(acct);
        return People.staffId(org, People.teller(org, Rng.unit(seed, 95, order)));
    }

    private static String mdr(int micro) {
        return "0." + Ids.zeros(micro, 6);
    }

    private String ymdOf(int epochDay) {
        return org.ruralbank.delivery.DeliveryFiles.folder(LocalDate.ofEpochDay(epochDay));
    }

    private String ts(int seconds) {
        int h = seconds / 3600;
        int m = seconds / 60 % 60;
        int s = seconds % 60;
        return ymd + (h < 10 ? "0" : "") + h + (m < 10 ? "0" : "") + m + (s < 10 ? "0" : "") + s;
    }

    private int counterTime(SplittableRandom r) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        int open = 8 * 3600 + 1800;
        int close = weekend ? 16 * 3600 : 17 * 3600;
        return open + r.nextInt(close - open);
    }

    private int cashTime(SplittableRandom r) {
        int h = r.nextDouble() < 0.85 ? 8 + r.nextInt(13) : r.nextInt(24);
        return h * 3600 + r.nextInt(3600);
    }

    private int shopTime(SplittableRandom r) {
        return (8 + r.nextInt(14)) * 3600 + r.nextInt(3600);
    }

    private int onlineTime(SplittableRandom r) {
        int h = r.nextDouble() < 0.9 ? 8 + r.nextInt(14) : r.nextInt(24);
        return h * 3600 + r.nextInt(3600);
    }
}
