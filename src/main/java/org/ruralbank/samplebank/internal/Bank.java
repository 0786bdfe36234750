package org.ruralbank.samplebank.internal;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The state of a generated county bank (or of a province of them): compact columns of customers, accounts, cards,
 * loans, e-banking users, devices and merchants. Attributes that never change (names, ID numbers, addresses) are
 * not stored: they are derived from the seed and the index, so the state file stays small and continuation is exact.
 */
final class Bank {

    public static final int ORGS_PER_BANK = 21;
    /** Towns of the sub-branches (org 13..20 of each bank). */
    static final int[] SUB_BRANCH_TOWNS = {0, 0, 0, 1, 2, 5, 9, 3};

    // product, kind and status codes
    static final byte CUR = 0;
    static final byte FIX = 1;
    static final byte NTC = 2;
    static final byte K_CARD = 0;
    static final byte K_COMPANY = 1;
    static final byte K_MERCHANT = 2;
    static final byte K_LOAN = 3;
    static final byte K_FIXED = 4;
    static final byte K_GOV = 5;
    static final byte EB_PNET = 0;
    static final byte EB_CNET = 1;
    static final byte EB_MOB = 2;
    static final byte EB_SMS = 3;
    static final byte DEV_ATM = 0;
    static final byte DEV_CRS = 1;
    static final byte DEV_BMB = 2;
    static final byte DEV_PBK = 3;
    static final byte DEV_EXP = 4;
    static final int NONE = Integer.MIN_VALUE;

    final long seed;
    final int banks;
    /** Volume factor: banks × profile scale × --scale. */
    final double volume;

    final boolean utf8;
    /** The first business date generated. */
    int startDay;
    /** The last business date generated, or startDay-1. */
    int lastDay;

    int lastVersion;
    long goldenCard;
    int pensionMonths;
    int subsidyCursor;
    /**
     * The POS fee income the days so far fell short of their figures by (negative when above), in fen: made up on
     * the next days, since each sale's fee is its merchant's signed rate.
     */
    long posFeeCarry;

    // persons
    final Grow.Ints pOpen = new Grow.Ints();
    final Grow.Bytes pVersion = new Grow.Bytes();
    final Grow.Bytes pCards = new Grow.Bytes();
    final Grow.Bytes pEb = new Grow.Bytes();
    final Grow.Ints pCardAcct = new Grow.Ints();
    // companies
    final Grow.Ints cOpen = new Grow.Ints();
    final Grow.Bytes cVersion = new Grow.Bytes();
    final Grow.Bytes cEb = new Grow.Bytes();
    final Grow.Ints cAcct = new Grow.Ints();
    // deposit accounts
    final Grow.Ints aCust = new Grow.Ints();
    final Grow.Bytes aProduct = new Grow.Bytes();
    final Grow.Bytes aKind = new Grow.Bytes();
    final Grow.Ints aOrg = new Grow.Ints();
    final Grow.Ints aOpen = new Grow.Ints();
    final Grow.Bytes aTerm = new Grow.Bytes();
    final Grow.Longs aBal = new Grow.Longs();
    final Grow.Longs aTarget = new Grow.Longs();
    final Grow.Bytes aStatus = new Grow.Bytes();
    final Grow.Ints aClose = new Grow.Ints();
    // cards
    final Grow.Ints kAcct = new Grow.Ints();
    final Grow.Ints kIssue = new Grow.Ints();
    final Grow.Bytes kStatus = new Grow.Bytes();
    final Grow.Bytes kProduct = new Grow.Bytes();
    final Grow.Bytes kMedium = new Grow.Bytes();
    final Grow.Ints kActivate = new Grow.Ints();
    final Grow.Ints kReplaced = new Grow.Ints();
    final Grow.Ints kOrg = new Grow.Ints();
    // loans: one contract, one loan
    final Grow.Ints lCust = new Grow.Ints();
    final Grow.Bytes lProduct = new Grow.Bytes();
    final Grow.Longs lAmount = new Grow.Longs();
    final Grow.Ints lStart = new Grow.Ints();
    final Grow.Ints lMaturity = new Grow.Ints();
    final Grow.Bytes lStatus = new Grow.Bytes();
    final Grow.Longs lBal = new Grow.Longs();
    final Grow.Longs lOvdPrin = new Grow.Longs();
    final Grow.Longs lOvdInt = new Grow.Longs();
    final Grow.Ints lDueSince = new Grow.Ints();
    final Grow.Ints lSettle = new Grow.Ints();
    final Grow.Ints lOrg = new Grow.Ints();
    final Grow.Ints lTrouble = new Grow.Ints();
    final Grow.Bytes lGuarantee = new Grow.Bytes();
    // e-banking users
    final Grow.Ints eCust = new Grow.Ints();
    final Grow.Bytes eType = new Grow.Bytes();
    final Grow.Ints eSign = new Grow.Ints();
    final Grow.Ints eAcct = new Grow.Ints();
    final Grow.Ints eOrg = new Grow.Ints();
    final Grow.Longs eSingle = new Grow.Longs();
    final Grow.Longs eDaily = new Grow.Longs();
    // devices
    final Grow.Bytes dType = new Grow.Bytes();
    final Grow.Ints dOrg = new Grow.Ints();
    final Grow.Bytes dOffsite = new Grow.Bytes();
    final Grow.Ints dMerchant = new Grow.Ints();
    final Grow.Ints dInstall = new Grow.Ints();
    final Grow.Bytes dStatus = new Grow.Bytes();
    // merchants
    final Grow.Ints mCust = new Grow.Ints();
    final Grow.Ints mAcct = new Grow.Ints();
    final Grow.Ints mOrg = new Grow.Ints();
    final Grow.Ints mSign = new Grow.Ints();
    final Grow.Bytes mStatus = new Grow.Bytes();
    final Grow.Bytes mFlags = new Grow.Bytes();
    final Grow.Ints mMdr = new Grow.Ints();
    final Grow.Bytes mShop = new Grow.Bytes();

    final People people;

    Bank(long seed, int banks, double volume, boolean utf8) {
        this.seed = seed;
        this.banks = banks;
        this.volume = volume;
        this.utf8 = utf8;
        this.people = new People(this);
    }

    int orgs() {
        return banks * ORGS_PER_BANK;
    }

    int persons() {
        return pOpen.size;
    }

    int companies() {
        return cOpen.size;
    }

    int accounts() {
        return aCust.size;
    }

    int cards() {
        return kAcct.size;
    }

    int loans() {
        return lCust.size;
    }

    int ebUsers() {
        return eCust.size;
    }

    int devices() {
        return dType.size;
    }

    int merchants() {
        return mCust.size;
    }

    /** A scaled count, at least {@code min}. */
    int scaled(double seedCount, int min) {
        return Math.max(min, (int) Math.round(seedCount * volume));
    }

    /** The pensioners: persons 3h+2 for households h below this. */
    int pensionerHouseholds() {
        return scaled(Figures.PENSIONERS, 1);
    }

    // ---------------------------------------------------------------- creation

    int addPerson(int openDay) {
        pVersion.add(0);
        pCards.add(0);
        pEb.add(0);
        pCardAcct.add(-1);
        return pOpen.add(openDay);
    }

    int addCompany(int openDay) {
        cVersion.add(0);
        cEb.add(0);
        cAcct.add(-1);
        return cOpen.add(openDay);
    }

    /** Opens an account; {@code cust} is a person index, or -(company+1). */
    int addAccount(
            int cust,
            byte product,
            byte kind,
            int org,
            int openDay,
            int termMonths,
            long target,
            long balance,
            byte status) {
        aCust.add(cust);
        aProduct.add(product);
        aKind.add(kind);
        aOrg.add(org);
        aOpen.add(openDay);
        aTerm.add(termMonths);
        aTarget.add(target);
        aBal.add(balance);
        aStatus.add(status);
        return aClose.add(NONE);
    }

    int addCard(int acct, int issueDay, byte status, byte product, byte medium, int activateDay, int replaced) {
        kAcct.add(acct);
        kIssue.add(issueDay);
        kStatus.add(status);
        kProduct.add(product);
        kMedium.add(medium);
        kActivate.add(activateDay);
        kReplaced.add(replaced);
        return kOrg.add(aOrg.get(acct));
    }

    int addEbUser(int cust, byte type, int signDay, int acct, int org, long single, long daily) {
        eCust.add(cust);
        eType.add(type);
        eSign.add(signDay);
        eAcct.add(acct);
        eOrg.add(org);
        eSingle.add(single);
        return (int) eDaily.add(daily);
    }

    int addDevice(byte type, int org, boolean offsite, int merchant, int installDay) {
        dType.add(type);
        dOrg.add(org);
        dOffsite.add(offsite ? 1 : 0);
        dMerchant.add(merchant);
        dInstall.add(installDay);
        return dStatus.add('A');
    }

    /** A card account's target balance: evenly spread log-normal quantiles with the year-end mean per card. */
    long nextCardTarget() {
        double u = Rng.golden(goldenCard++, 0.5 * Rng.unit(seed, 77, 0));
        double mean = Figures.CARD_BALANCE_FEN / (double) Figures.CARDS_AT_YEAR_END;
        return Math.max(1000, Math.round(mean * CALIBRATION * Rng.lognormalFactor(u, 1.0)));
    }

    /** Offsets the drift of the year (withdrawals run ahead of the counter's rebalancing). */
    static final double CALIBRATION = 0.975;

    /**
     * The org of a person: the branch or a sub-branch of the household's town in its bank; in the county seat (town
     * 0) also the head office's business department, which has a counter and customers like any branch (without
     * them its only transactions were its ATMs', a substitution rate of about 100%).
     */
    int personOrg(int p) {
        int h = p / 3;
        int bank = h % banks;
        int town = people.town(p);
        int[] candidates = new int[5];
        int n = 0;
        candidates[n++] = 1 + town;
        if (town == 0) {
            candidates[n++] = 0;
        }
        for (int s = 0; s < SUB_BRANCH_TOWNS.length; s++) {
            if (SUB_BRANCH_TOWNS[s] == town) {
                candidates[n++] = 13 + s;
            }
        }
        return bank * ORGS_PER_BANK + candidates[Rng.pick(seed, 31, h, n)];
    }

    int companyBank(int c) {
        return c < 3 * banks ? c / 3 : c % banks;
    }

    int companyOrg(int c) {
        int bank = companyBank(c);
        if (c < 3 * banks) {
            return bank * ORGS_PER_BANK;
        }
        return bank * ORGS_PER_BANK + Rng.pick(seed, 32, c, ORGS_PER_BANK);
    }

    int custOrg(int cust) {
        return cust >= 0 ? personOrg(cust) : companyOrg(-cust - 1);
    }

    int bankOfOrg(int org) {
        return org / ORGS_PER_BANK;
    }

    // ---------------------------------------------------------------- initial population

    /** Builds the bank as it stands at the end of the day before {@code start}. */
    static Bank create(long seed, int banks, double volume, boolean utf8, LocalDate start) {
        Bank b = new Bank(seed, banks, volume, utf8);
        b.startDay = (int) start.toEpochDay();
        b.lastDay = b.startDay - 1;
        b.populate();
        return b;
    }

    private void populate() {
        int ref = startDay - 1;
        SplittableRandom r = Rng.stream(seed, ref, 1);
        int persons = scaled(Figures.PERSONS, 30);
        int companies = Math.max(3 * banks + 4, scaled(Figures.COMPANIES, 0));
        for (int p = 0; p < persons; p++) {
            addPerson(ref - 30 - r.nextInt(5475));
        }
        for (int c = 0; c < companies; c++) {
            int open = ref - 30 - r.nextInt(5475);
            addCompany(open);
            boolean gov = c < 3 * banks;
            long target = gov ? 0 : Math.round(40_000_000 * Rng.lognormalFactor(r, 1.2));
            int acct = addAccount(
                    -c - 1, CUR, gov ? K_GOV : K_COMPANY, companyOrg(c), open, 0, target, target, (byte) 'N');
            cAcct.set(c, acct);
        }
        // cards: every pensioner has one, the rest drawn from the other persons (selection sampling, exact count)
        int pensionerHouseholds = pensionerHouseholds();
        int cards = scaled(Figures.CARDS_AT_START, 10);
        int others = 0;
        for (int p = 0; p < persons; p++) {
            if (!people.pensioner(p)) {
                others++;
            }
        }
        int need = Math.max(0, cards - Math.min(pensionerHouseholds, persons / 3));
        for (int p = 0; p < persons; p++) {
            boolean card;
            if (people.pensioner(p)) {
                card = true;
            } else {
                card = r.nextInt(others) < need;
                others--;
                if (card) {
                    need--;
                }
            }
            if (card) {
                int issue = pOpen.get(p) + r.nextInt(Math.max(1, ref - pOpen.get(p)));
                openCard(p, issue, r, ref);
            }
            if (r.nextDouble() < 0.22) {
                int term = new int[] {3, 6, 12, 12, 24, 36, 60}[r.nextInt(7)];
                int open = ref - r.nextInt(term * 30);
                long amount = Math.round(6_000_000 * Rng.lognormalFactor(r, 1.0)) / 100 * 100;
                addAccount(
                        p, r.nextDouble() < 0.05 ? NTC : FIX, K_FIXED, personOrg(p), open, term, amount, amount, (byte)
                                'N');
            }
        }
        for (int i = 0; i < scaled(Figures.MERCHANTS_AT_START, 1); i++) {
            addMerchant(ref - 30 - r.nextInt(2000), r);
        }
        for (int bank = 0; bank < banks; bank++) {
            int base = bank * ORGS_PER_BANK;
            for (int i = 0; i < Figures.ATM_AT_START; i++) {
                addDevice(DEV_ATM, base + (i < 5 ? 0 : 1 + (i - 5) % 12), i % 3 == 2, -1, ref - 200 - r.nextInt(3000));
            }
            for (int i = 0; i < Figures.CRS_AT_START; i++) {
                addDevice(DEV_CRS, base + (i == 0 ? 0 : i), false, -1, ref - 200 - r.nextInt(2000));
            }
            for (int i = 0; i < Figures.PBK; i++) {
                addDevice(DEV_PBK, base + i, false, -1, ref - 400 - r.nextInt(2000));
            }
            for (int i = 0; i < Figures.EXP; i++) {
                addDevice(DEV_EXP, base + i * 2, false, -1, ref - 100 - r.nextInt(700));
            }
        }
        for (int i = 0; i < scaled(Figures.BMB_AT_START, 2); i++) {
            addBmb(ref - 30 - r.nextInt(900), r);
        }
        for (int i = 0; i < scaled(Figures.LOANS_AT_START, 5); i++) {
            Loans.open(this, ref, r, true);
        }
        addEbUsers(EB_PNET, scaled(Figures.PNET_USERS_AT_END - Figures.PNET_NEW, 1), ref, r, true);
        addEbUsers(EB_CNET, scaled(Figures.CNET_USERS_AT_END - Figures.CNET_NEW, 1), ref, r, true);
        addEbUsers(EB_SMS, scaled(Figures.SMS_AT_END - Figures.SMS_NEW, 1), ref, r, true);
        addEbUsers(EB_MOB, scaled(Figures.MOB_AT_END - Figures.MOB_NEW, 1), ref, r, true);
    }

    /** Opens a card with its demand account for a person; returns the card. */
    int openCard(int p, int issueDay, SplittableRandom r, int refDay) {
        long target = nextCardTarget();
        boolean dormant = issueDay < refDay - 700 && r.nextDouble() < 0.08;
        long balance = dormant ? Math.round(target * 0.05) : Math.round(target * (0.85 + 0.3 * r.nextDouble()));
        if (issueDay > refDay) {
            balance = 0;
        }
        int acct = addAccount(p, CUR, K_CARD, personOrg(p), issueDay, 0, target, balance, (byte) (dormant ? 'D' : 'N'));
        LocalDate day = LocalDate.ofEpochDay(issueDay);
        boolean chip = chipIssuing(day);
        byte product = (byte) (r.nextDouble() < 0.12 ? 2 : citizenCards(day) && r.nextDouble() < 0.10 ? 1 : 0);
        double s = r.nextDouble();
        byte status = (byte) (s < 0.03 ? 'U' : s < 0.035 ? 'L' : 'N');
        int card = addCard(
                acct,
                issueDay,
                status,
                product,
                (byte) (chip ? 'I' : 'M'),
                status == 'U' ? NONE : issueDay + (issueDay > refDay ? 0 : r.nextInt(3)),
                NONE);
        pCards.set(p, Math.min(100, pCards.get(p) + 1));
        if (pCardAcct.get(p) < 0) {
            pCardAcct.set(p, acct);
        }
        return card;
    }

    /** Chip cards are issued from November of the first year generated (the central bank's migration). */
    boolean chipIssuing(LocalDate d) {
        LocalDate start = LocalDate.ofEpochDay(startDay);
        return !d.isBefore(LocalDate.of(start.getYear(), 11, 1));
    }

    /** Citizen cards are issued once the licence of May of the first year is granted. */
    boolean citizenCards(LocalDate d) {
        LocalDate start = LocalDate.ofEpochDay(startDay);
        return !d.isBefore(LocalDate.of(start.getYear(), 5, 20));
    }

    int addMerchant(int signDay, SplittableRandom r) {
        boolean company = r.nextDouble() < 0.2;
        int owner;
        int org;
        if (company) {
            int c = 3 * banks + r.nextInt(Math.max(1, companies() - 3 * banks));
            owner = -c - 1;
            org = companyOrg(c);
        } else {
            owner = r.nextInt(persons()) / 3 * 3;
            org = personOrg(owner);
        }
        long target = Math.round(8_000_000 * Rng.lognormalFactor(r, 1.0));
        long balance = signDay >= startDay ? 0 : target;
        int acct = addAccount(owner, CUR, K_MERCHANT, org, signDay, 0, target, balance, (byte) 'N');
        mCust.add(owner);
        mAcct.add(acct);
        mOrg.add(org);
        mSign.add(signDay);
        mStatus.add(r.nextDouble() < 0.02 ? 'S' : 'A');
        int flags = (r.nextDouble() < 0.06 ? 0 : 1) | (r.nextDouble() < 0.09 ? 0 : 2) | (r.nextDouble() < 0.2 ? 4 : 0);
        mFlags.add(flags);
        int shop = r.nextInt(Names.SHOPS.length);
        mShop.add(shop);
        double m = r.nextDouble();
        int negotiated = 200 + r.nextInt(5) * 50;
        // two merchants in three on a rate negotiated for their contribution (0.02% to 0.04%, the bank paying the
        // difference to the standard rate), every third on the standard rate of its kind of business, so that even a
        // small bank has both
        int mdr = mCust.size % 3 != 1 ? negotiated : m < 0.7 ? STANDARD_MDR_PPM : m < 0.92 ? 6000 : 7800;
        mMdr.add(mdr);
        return mCust.size - 1;
    }

    /** The standard merchant discount rate, in millionths of the amount (0.38%). */
    static final int STANDARD_MDR_PPM = 3800;

    /** Merchant flags: 1 site photo on file, 2 training record signed, 4 sleeping (no sales). */
    boolean sleepingMerchant(int m) {
        return (mFlags.get(m) & 4) != 0;
    }

    int addBmb(int installDay, SplittableRandom r) {
        int host = r.nextInt(merchants());
        int org = mOrg.get(host);
        return addDevice(DEV_BMB, org, true, host, installDay);
    }

    /** Signs {@code n} e-banking users of a type on {@code day}. */
    void addEbUsers(byte type, int n, int day, SplittableRandom r, boolean initial) {
        for (int i = 0; i < n; i++) {
            if (type == EB_CNET) {
                for (int tries = 0; tries < 50; tries++) {
                    int c = 3 * banks + r.nextInt(Math.max(1, companies() - 3 * banks));
                    if (cEb.get(c) == 0) {
                        cEb.set(c, 1);
                        boolean raised = r.nextDouble() < 0.15;
                        long single = raised
                                ? Figures.CNET_SINGLE_DEFAULT_FEN * (2 + r.nextInt(9))
                                : Figures.CNET_SINGLE_DEFAULT_FEN;
                        long daily = raised
                                ? Math.min(Figures.CNET_DAILY_CAP_FEN, single * 5 / 2)
                                : Figures.CNET_DAILY_DEFAULT_FEN;
                        int sign = initial ? day - r.nextInt(1500) : day;
                        addEbUser(-c - 1, type, sign, cAcct.get(c), companyOrg(c), single, daily);
                        break;
                    }
                }
                continue;
            }
            int bit = 1 << type;
            for (int tries = 0; tries < 50; tries++) {
                int card = r.nextInt(cards());
                int acct = kAcct.get(card);
                int p = aCust.get(acct);
                if (kStatus.get(card) == 'C' || aStatus.get(acct) == 'D' || (pEb.get(p) & bit) != 0) {
                    continue;
                }
                pEb.set(p, pEb.get(p) | bit);
                int sign = initial ? Math.max(kIssue.get(card), day - r.nextInt(1500)) : day;
                addEbUser(p, type, sign, acct, aOrg.get(acct), 0, 0);
                break;
            }
        }
    }
}
