package org.ruralbank.samplebank.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ruralbank.channels.Indicator;
import org.ruralbank.channels.Target;
import org.ruralbank.channels.TargetWorkbook;

/**
 * The year's target-decomposition workbook (任务分解表) the head office would hand the generated bank's branches, so
 * that plan completion can be computed on a generated year. The bank's plan is set so that the seed year's figures
 * meet it as docs/domain.md §2 reports (40,026 new cards = 80.05% of plan, 394 new merchants = 131%); the other
 * indicators' plans are assumed and stated in {@code docs/data-contract.md}. Each bank's plan is split over its 12 branches by their customers (a
 * branch counts its sub-branches) and over the quarters 30/25/25/20 (the spring push, 开门红), largest remainders
 * first, so the branches' cells add up to the bank's plan exactly.
 */
final class TargetPlan {

    /** New cards issued over the plan: docs/domain.md §2 gives 80.05%. */
    static final double NEW_CARDS_ACHIEVED = 0.8005;
    /** New POS merchants over the plan: docs/domain.md §2 gives 131%. */
    static final double MERCHANTS_ACHIEVED = 1.31;
    /** The brief gives no completion for these two; assumed. */
    static final double ONLINE_USERS_ACHIEVED = 0.92;

    static final double SMS_ACHIEVED = 0.90;
    static final int[] QUARTER_PERCENT = {30, 25, 25, 20};
    /** The balance per card, in yuan, each branch is asked to reach at each quarter's end. */
    static final String[] BALANCE_PER_CARD = {"3400.00", "3450.00", "3500.00", "3600.00"};

    private TargetPlan() {}

    static void write(Bank bank, int year, Path file) throws IOException {
        int branchesPerBank = Bank.ORGS_PER_BANK - 1 - Bank.SUB_BRANCH_TOWNS.length;
        long[] customers = new long[bank.orgs()];
        for (int p = 0, n = bank.persons(); p < n; p++) {
            customers[branchOf(bank.personOrg(p))]++;
        }
        List<TargetWorkbook.Branch> branches = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (int b = 0; b < bank.banks; b++) {
            int[] orgs = new int[branchesPerBank];
            long[] weights = new long[branchesPerBank];
            for (int i = 0; i < branchesPerBank; i++) {
                orgs[i] = b * Bank.ORGS_PER_BANK + 1 + i;
                weights[i] = Math.max(1, customers[orgs[i]]);
                branches.add(new TargetWorkbook.Branch(People.orgId(orgs[i]), People.orgName(orgs[i])));
            }
            double volume = bank.volume / bank.banks;
            count(
                    targets,
                    year,
                    orgs,
                    weights,
                    Indicator.NEW_CARDS,
                    Math.round(Figures.NEW_CARDS * volume / NEW_CARDS_ACHIEVED));
            count(
                    targets,
                    year,
                    orgs,
                    weights,
                    Indicator.ONLINE_BANKING_USERS,
                    Math.round((Figures.PNET_NEW + Figures.CNET_NEW) * volume / ONLINE_USERS_ACHIEVED));
            count(
                    targets,
                    year,
                    orgs,
                    weights,
                    Indicator.POS_MERCHANTS,
                    Math.round(Figures.NEW_MERCHANTS * volume / MERCHANTS_ACHIEVED));
            count(
                    targets,
                    year,
                    orgs,
                    weights,
                    Indicator.SMS_SIGNUPS,
                    Math.round(Figures.SMS_NEW * volume / SMS_ACHIEVED));
            for (int org : orgs) {
                for (int q = 1; q <= 4; q++) {
                    targets.add(new Target(
                            year,
                            q,
                            People.orgId(org),
                            Indicator.BALANCE_PER_CARD,
                            new BigDecimal(BALANCE_PER_CARD[q - 1])));
                }
            }
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            TargetWorkbook.write(out, year, branches, targets);
        }
    }

    /** Splits a bank's plan of one indicator over branches by weight, then each branch's over the quarters. */
    private static void count(
            List<Target> targets, int year, int[] orgs, long[] weights, Indicator indicator, long plan) {
        long[] perBranch = apportion(plan, weights);
        long[] quarterWeights = {QUARTER_PERCENT[0], QUARTER_PERCENT[1], QUARTER_PERCENT[2], QUARTER_PERCENT[3]};
        for (int i = 0; i < orgs.length; i++) {
            long[] perQuarter = apportion(perBranch[i], quarterWeights);
            for (int q = 1; q <= 4; q++) {
                targets.add(
                        new Target(year, q, People.orgId(orgs[i]), indicator, BigDecimal.valueOf(perQuarter[q - 1])));
            }
        }
    }

    /** Whole shares of {@code total} in proportion to {@code weights}, the remainder to the largest fractions. */
    static long[] apportion(long total, long[] weights) {
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        long[] shares = new long[weights.length];
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = total * weights[i] / sum;
            remainders[i] = total * weights[i] % sum;
            given += shares[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
        }
        return shares;
    }

    /** The branch an org belongs to: itself for a branch, the parent branch for a sub-branch. */
    private static int branchOf(int org) {
        return People.orgLevel(org) == 3 ? People.orgParent(org) : org;
    }
}
