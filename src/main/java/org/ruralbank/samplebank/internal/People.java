package org.ruralbank.samplebank.internal;

import java.time.LocalDate;

/**
 * Derived attributes of persons, companies, orgs and staff. Persons live in households of three: 3h is the head,
 * 3h+1 the spouse, 3h+2 an elderly parent (a pensioner for the first households) or a grown-up child; the household
 * shares a surname, an address and a village.
 */
final class People {

    private static final int[] TOWN_CUMULATIVE;
    private static final int TOWN_TOTAL;
    private static final String[] SUB_BRANCH_NAMES = {"城东", "城西", "站前", "新区", "中心", "东街", "工业园", "人民路"};
    private static final String[] GOV = {"人力资源和社会保障局", "财政局", "城乡居民养老保险中心"};
    private static final String[] STREETS = {"解放路", "人民路", "建设路", "中山路", "新华街", "工业园区", "长青路"};

    static {
        TOWN_CUMULATIVE = new int[Names.TOWNS.size()];
        int sum = 0;
        for (int i = 0; i < Names.TOWNS.size(); i++) {
            sum += Names.TOWNS.get(i).weight();
            TOWN_CUMULATIVE[i] = sum;
        }
        TOWN_TOTAL = sum;
    }

    private final Bank bank;
    private final long seed;

    People(Bank bank) {
        this.bank = bank;
        this.seed = bank.seed;
    }

    boolean pensioner(int p) {
        return p % 3 == 2 && p / 3 < bank.pensionerHouseholds();
    }

    int town(int p) {
        int x = Rng.pick(seed, 11, p / 3, TOWN_TOTAL);
        for (int i = 0; i < TOWN_CUMULATIVE.length; i++) {
            if (x < TOWN_CUMULATIVE[i]) {
                return i;
            }
        }
        return 0;
    }

    String townName(int p) {
        return Names.TOWNS.get(town(p)).name();
    }

    String village(int p) {
        String[] v = Names.TOWNS.get(town(p)).villages();
        return v[Rng.pick(seed, 12, p / 3, v.length)];
    }

    String address(int p) {
        int h = p / 3;
        return townName(p) + village(p) + (1 + Rng.pick(seed, 16, h, 12)) + "组" + (1 + Rng.pick(seed, 17, h, 120))
                + "号";
    }

    boolean male(int p) {
        int role = p % 3;
        boolean headMale = Rng.unit(seed, 18, p / 3) < 0.75;
        return switch (role) {
            case 0 -> headMale;
            case 1 -> !headMale;
            default -> Rng.unit(seed, 18, p) < 0.5;
        };
    }

    String name(int p) {
        int role = p % 3;
        String surname = Names.SURNAMES[Rng.pick(seed, 13, role == 1 ? p : p / 3 * 3, Names.SURNAMES.length)];
        String g1 = Names.GIVEN[Rng.pick(seed, 19, p, Names.GIVEN.length)];
        if (Rng.unit(seed, 20, p) < 0.3) {
            return surname + g1;
        }
        return surname + g1 + Names.GIVEN[Rng.pick(seed, 21, p, Names.GIVEN.length)];
    }

    int age(int p) {
        int role = p % 3;
        int head = 30 + Rng.pick(seed, 22, p / 3, 30);
        return switch (role) {
            case 0 -> head;
            case 1 -> Math.max(22, head - 4 + Rng.pick(seed, 23, p, 9));
            default -> pensioner(p) ? 60 + Rng.pick(seed, 24, p, 30) : 18 + Rng.pick(seed, 24, p, 12);
        };
    }

    LocalDate birth(int p) {
        return LocalDate.ofEpochDay(bank.startDay).minusYears(age(p)).minusDays(Rng.pick(seed, 25, p, 365));
    }

    String region(int p) {
        return "36" + "07" + Ids.zeros(21 + (p / 3) % bank.banks, 2);
    }

    String idNumber(int p) {
        return Ids.residentId(region(p), birth(p), Rng.pick(seed, 26, p, 500), male(p));
    }

    String mobile(int p, int version) {
        long h = Rng.hash(seed, 27 + 1000L * version, p);
        String[] prefixes = {"13", "15", "18", "17", "19", "13", "15", "18"};
        return prefixes[(int) Math.floorMod(h, 8L)] + Ids.zeros(Math.floorMod(h >>> 8, 1_000_000_000L), 9);
    }

    String occupation(int p) {
        int role = p % 3;
        double u = Rng.unit(seed, 28, p);
        if (role == 2) {
            if (pensioner(p)) {
                return u < 0.4 ? "RETIRED" : "FARMER";
            }
            return u < 0.3 ? "STUDENT" : u < 0.8 ? "WORKER" : "OTHER";
        }
        if (Names.TOWNS.get(town(p)).areaClass() == 'U') {
            return u < 0.4 ? "WORKER" : u < 0.6 ? "MERCHANT" : u < 0.7 ? "CIVIL" : u < 0.9 ? "OTHER" : "FARMER";
        }
        return u < 0.65 ? "FARMER" : u < 0.85 ? "WORKER" : u < 0.93 ? "MERCHANT" : u < 0.95 ? "CIVIL" : "OTHER";
    }

    // ---------------------------------------------------------------- companies

    String companyName(int c) {
        String county = county(bank.companyBank(c));
        if (c < 3 * bank.banks) {
            return county + "县" + GOV[c % 3];
        }
        String town = Names.TOWNS.get(Rng.pick(seed, 40, c, Names.TOWNS.size())).name();
        return county
                + town.substring(0, town.length() - 1)
                + Names.COMPANY_WORDS[Rng.pick(seed, 41, c, Names.COMPANY_WORDS.length)]
                + Names.COMPANY_TRADES[Rng.pick(seed, 42, c, Names.COMPANY_TRADES.length)];
    }

    String companyCode(int c) {
        boolean gov = c < 3 * bank.banks;
        return Ids.socialCreditCode(
                gov ? '1' : '9',
                gov ? '1' : '1',
                "3607" + Ids.zeros(21 + bank.companyBank(c), 2),
                Rng.hash(seed, 43, c));
    }

    /** The legal representative: the head of a household of the first population. */
    int legalRep(int c) {
        int households = Math.max(1, bank.scaled(Figures.PERSONS, 30) / 3);
        return Rng.pick(seed, 44, c, households) * 3;
    }

    String companyAddress(int c) {
        String town = Names.TOWNS.get(Rng.pick(seed, 40, c, Names.TOWNS.size())).name();
        return town + STREETS[Rng.pick(seed, 45, c, STREETS.length)] + (1 + Rng.pick(seed, 46, c, 300)) + "号";
    }

    String companyPhone(int c) {
        return "0795" + Ids.zeros(Math.floorMod(Rng.hash(seed, 47, c), 10_000_000L), 7);
    }

    // ---------------------------------------------------------------- orgs and staff

    static String county(int bankIndex) {
        return Names.COUNTY_PREFIX[bankIndex % Names.COUNTY_PREFIX.length];
    }

    static String orgId(int org) {
        return "88" + Ids.zeros(org / Bank.ORGS_PER_BANK + 1, 2) + Ids.zeros(org % Bank.ORGS_PER_BANK, 3);
    }

    /** 1 head office, 2 branch, 3 sub-branch. */
    static int orgLevel(int org) {
        int o = org % Bank.ORGS_PER_BANK;
        return o == 0 ? 1 : o <= 12 ? 2 : 3;
    }

    static int orgTown(int org) {
        int o = org % Bank.ORGS_PER_BANK;
        return o == 0 ? 0 : o <= 12 ? o - 1 : Bank.SUB_BRANCH_TOWNS[o - 13];
    }

    static int orgParent(int org) {
        int o = org % Bank.ORGS_PER_BANK;
        int base = org - o;
        return o == 0 ? -1 : o <= 12 ? base : base + 1 + Bank.SUB_BRANCH_TOWNS[o - 13];
    }

    static String orgName(int org) {
        int o = org % Bank.ORGS_PER_BANK;
        String bankName = county(org / Bank.ORGS_PER_BANK) + "农商银行";
        if (o == 0) {
            return bankName + "总行营业部";
        }
        String town = Names.TOWNS.get(orgTown(org)).name();
        String t = town.substring(0, town.length() - 1);
        if (o <= 12) {
            return bankName + t + "支行";
        }
        return bankName + t + SUB_BRANCH_NAMES[o - 13] + "分理处";
    }

    static int staffPerOrg(int org) {
        int level = orgLevel(org);
        return level == 1 ? 40 : level == 2 ? 14 : 8;
    }

    static String staffId(int org, int k) {
        return "S" + orgId(org) + Ids.zeros(k, 2);
    }

    static String post(int org, int k) {
        int level = orgLevel(org);
        if (k == 0) {
            return "HEAD";
        }
        if (level == 1) {
            return k <= 6 ? "AUTH" : k <= 26 ? "OFFICE" : k <= 31 ? "CM" : k <= 36 ? "TELLER" : "OTHER";
        }
        if (level == 2) {
            return k <= 6 ? "TELLER" : k <= 10 ? "CM" : k <= 12 ? "OFFICE" : "OTHER";
        }
        return k <= 4 ? "TELLER" : k <= 6 ? "CM" : "OTHER";
    }

    String staffName(int org, int k) {
        long h = Rng.hash(seed, 50, org * 100L + k);
        String s = Names.SURNAMES[(int) Math.floorMod(h, (long) Names.SURNAMES.length)];
        String g = Names.GIVEN[(int) Math.floorMod(h >>> 16, (long) Names.GIVEN.length)];
        String g2 = Names.GIVEN[(int) Math.floorMod(h >>> 32, (long) Names.GIVEN.length)];
        return s + g + g2;
    }

    boolean staffLeft(int org, int k) {
        return k > 0 && Rng.unit(seed, 51, org * 100L + k) < 0.03;
    }

    /** A teller of the org (for counter transactions), by a draw in [0,1). */
    static int teller(int org, double u) {
        int level = orgLevel(org);
        int first = level == 1 ? 32 : 1;
        int n = level == 1 ? 5 : level == 2 ? 6 : 4;
        return first + (int) (u * n);
    }

    /** A customer manager of the org. */
    static int manager(int org, double u) {
        int level = orgLevel(org);
        int first = level == 1 ? 27 : level == 2 ? 7 : 5;
        int n = level == 1 ? 5 : level == 2 ? 4 : 2;
        return first + (int) (u * n);
    }
}
