package org.ruralbank.samplebank.internal;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Loan contracts and their loans (one loan per contract): opening, the monthly schedule and arrears. */
final class Loans {

    static final String[] PRODUCTS = {"FARM", "BIZ", "MORT", "CONS", "CORP"};
    static final String[] METHODS = {"IOB", "EPP", "EPI", "EPI", "IOB"};
    /** Annual rates in millionths. */
    static final int[] RATES = {56000, 52000, 41000, 60000, 45000};

    private Loans() {}

    /** Opens a contract and its loan; initial loans start in the past and have paid (or missed) installments. */
    static int open(Bank b, int day, SplittableRandom r, boolean initial) {
        double u = r.nextDouble();
        int product = u < 0.55 ? 0 : u < 0.75 ? 1 : u < 0.85 ? 2 : u < 0.95 ? 3 : 4;
        int cust;
        int org;
        if (product == 4) {
            int c = 3 * b.banks + r.nextInt(Math.max(1, b.companies() - 3 * b.banks));
            cust = -c - 1;
            org = b.companyOrg(c);
        } else {
            cust = r.nextInt(b.persons()) / 3 * 3;
            org = b.personOrg(cust);
        }
        double[] mean = {80_000, 300_000, 450_000, 50_000, 3_000_000};
        long amount = Math.max(10_000, Math.round(mean[product] * Rng.lognormalFactor(r, 0.6)) / 1000 * 1000) * 100;
        int[][] terms = {{12, 24, 36}, {12, 24, 36}, {120, 180, 240}, {12, 24, 36}, {12, 24, 36}};
        int term = terms[product][r.nextInt(3)];
        LocalDate start = LocalDate.ofEpochDay(day);
        if (initial) {
            int termDays = (int) (start.plusMonths(term).toEpochDay() - day);
            start = start.minusDays(1 + r.nextInt(Math.max(1, Math.min(termDays - 1, 1500))));
        }
        LocalDate maturity = start.plusMonths(term);
        char guarantee = switch (product) {
            case 0 -> r.nextDouble() < 0.6 ? 'X' : 'G';
            case 1 -> r.nextDouble() < 0.5 ? 'G' : 'M';
            case 2 -> 'M';
            case 3 -> 'X';
            default -> r.nextDouble() < 0.7 ? 'M' : 'P';
        };
        int settle = b.addAccount(cust, Bank.CUR, Bank.K_LOAN, org, (int) start.toEpochDay(), 0, 0, 0, (byte) 'N');
        int loan = b.lCust.add(cust);
        b.lProduct.add(product);
        b.lAmount.add(amount);
        b.lStart.add((int) start.toEpochDay());
        b.lMaturity.add((int) maturity.toEpochDay());
        b.lStatus.add('A');
        b.lBal.add(amount);
        b.lOvdPrin.add(0);
        b.lOvdInt.add(0);
        b.lDueSince.add(Bank.NONE);
        b.lSettle.add(settle);
        b.lOrg.add(org);
        b.lGuarantee.add(guarantee);
        boolean trouble = r.nextDouble() < 0.045;
        int troubleDay = trouble
                ? (int) start.toEpochDay()
                        + 30
                        + r.nextInt(Math.max(1, (int) (maturity.toEpochDay() - start.toEpochDay())))
                : Bank.NONE;
        b.lTrouble.add(troubleDay);
        if (initial) {
            for (int k = 1; k <= term; k++) {
                LocalDate due = start.plusMonths(k);
                if (due.toEpochDay() >= day + 1) {
                    break;
                }
                long[] inst = installment(b, loan, k);
                if (troubleDay != Bank.NONE && due.toEpochDay() >= troubleDay) {
                    miss(b, loan, (int) due.toEpochDay(), inst);
                } else {
                    b.lBal.set(loan, b.lBal.get(loan) - inst[0]);
                }
            }
            if (b.lBal.get(loan) <= 0) {
                b.lBal.set(loan, 0);
                b.lStatus.set(loan, 'S');
            }
        }
        return loan;
    }

    static void miss(Bank b, int loan, int dueDay, long[] inst) {
        b.lOvdPrin.set(loan, Math.min(b.lBal.get(loan), b.lOvdPrin.get(loan) + inst[0]));
        b.lOvdInt.set(loan, b.lOvdInt.get(loan) + inst[1]);
        if (b.lDueSince.get(loan) == Bank.NONE) {
            b.lDueSince.set(loan, dueDay);
        }
    }

    static int term(Bank b, int loan) {
        LocalDate s = LocalDate.ofEpochDay(b.lStart.get(loan));
        LocalDate m = LocalDate.ofEpochDay(b.lMaturity.get(loan));
        return (m.getYear() - s.getYear()) * 12 + m.getMonthValue() - s.getMonthValue();
    }

    static int rate(Bank b, int loan) {
        return RATES[b.lProduct.get(loan)] + Rng.pick(b.seed, 90, loan, 21) * 250 - 2500;
    }

    /** Monthly interest on a balance: balance × rate / 12, rounded half up to the fen. */
    static long monthlyInterest(long balanceFen, int rateMicro) {
        return (balanceFen * rateMicro + 6_000_000L) / 12_000_000L;
    }

    /** Principal and interest of the k-th monthly installment given the current balance. */
    static long[] installment(Bank b, int loan, int k) {
        int term = term(b, loan);
        long bal = b.lBal.get(loan) - b.lOvdPrin.get(loan);
        int rate = rate(b, loan);
        long interest = monthlyInterest(Math.max(0, bal), rate);
        long principal;
        String method = METHODS[b.lProduct.get(loan)];
        int remaining = Math.max(1, term - k + 1);
        if (k >= term) {
            principal = bal;
        } else if (method.equals("IOB")) {
            principal = 0;
        } else if (method.equals("EPP")) {
            principal = b.lAmount.get(loan) / term;
        } else {
            double i = rate / 1e6 / 12;
            double pay = bal * i / (1 - Math.pow(1 + i, -remaining));
            principal = Math.max(0, Math.round(pay) - interest);
        }
        principal = Math.max(0, Math.min(principal, bal));
        return new long[] {principal, interest};
    }

    /** CLASS_5 from days past due; a few current loans are under special mention. */
    static char class5(Bank b, int loan, int day) {
        int since = b.lDueSince.get(loan);
        if (b.lStatus.get(loan) == 'S') {
            return '1';
        }
        if (since == Bank.NONE) {
            return Rng.unit(b.seed, 91, loan) < 0.02 ? '2' : '1';
        }
        int dpd = day - since;
        return dpd <= 90 ? '2' : dpd <= 180 ? '3' : dpd <= 360 ? '4' : '5';
    }
}
