package org.ruralbank.appraisal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.ruralbank.appraisal.AppraisalRuns.ItemResult;
import org.ruralbank.appraisal.AppraisalRuns.OrgResult;
import org.ruralbank.appraisal.AppraisalRuns.PersonItem;
import org.ruralbank.appraisal.AppraisalRuns.PersonResult;
import org.ruralbank.shared.Ratios;

/**
 * The arithmetic of a run, apart from where its inputs come from and where its results go, so that the same inputs
 * always give the same results (and the same fingerprint).
 *
 * <p>A branch's figure on an indicator is the sum of the indicator's org rows over the branch's subtree (for a ratio,
 * the sum of the numerators over the sum of the denominators). Its score is the sum of its items' points (see
 * {@link ScoringRule}) plus its approved bonus points less its approved penalty points. A person's figure comes from
 * the indicator's person rows; their target is the branch's ratio ({@code same}) or the branch's target divided by
 * the people of the branch with a figure ({@code share}); their personal score is their points over the weights of
 * the person-level items they have a figure on, × 100. A person's score = branch weight % × the branch's score +
 * (100 − branch weight) % × the personal score; without a personal score, the branch's score. Ranks: higher score
 * first, equal scores share a rank (1, 1, 3).
 */
final class Scorecard {

    record Branch(
            String orgId,
            String orgName,
            String orgPath,
            @Nullable String areaClass) {}

    record Person(
            String staffId,
            String staffName,
            String orgId,
            String orgPath,
            @Nullable String postCode) {}

    /** An approved entry: QUAL points (0-100) of an item, or BONUS / PENALTY points. */
    record Entry(String orgId, String kind, String itemCode, BigDecimal points) {}

    /** Everything a run reads. {@code targets}: item → branch org id → the period's target. */
    record Inputs(
            Schemes.Scheme scheme,
            Period period,
            java.time.@Nullable LocalDate dataDate,
            List<Branch> branches,
            List<Person> staff,
            Map<String, Indicators.Definition> definitions,
            Map<String, List<Indicators.Figure>> figures,
            Map<String, Map<String, BigDecimal>> targets,
            List<Entry> entries) {}

    record Outcome(
            String fingerprint,
            List<OrgResult> orgs,
            List<ItemResult> items,
            List<PersonResult> people,
            List<PersonItem> personItems) {}

    private Scorecard() {}

    static Outcome compute(Inputs in) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        List<ItemResult> items = new ArrayList<>();
        Map<String, Branch> branchOf = new LinkedHashMap<>();
        Map<String, Integer> headcount = new LinkedHashMap<>();
        for (Person p : in.staff()) {
            Branch b = branchOf(in.branches(), p.orgPath());
            if (b != null) {
                branchOf.put(p.staffId(), b);
                headcount.merge(b.orgId(), 1, Integer::sum);
            }
        }
        Map<String, BigDecimal[]> personal = new TreeMap<>(); // staff → {points, weights}
        List<PersonItem> personItems = new ArrayList<>();
        for (Branch b : in.branches()) {
            totals.put(b.orgId(), BigDecimal.ZERO.setScale(4));
        }
        for (Schemes.Item item : in.scheme().items()) {
            ScoringRule rule = item.rule();
            if (item.kind() == Schemes.Kind.QUAL) {
                for (Branch b : in.branches()) {
                    BigDecimal pts = in.entries().stream()
                            .filter(e -> e.kind().equals("QUAL")
                                    && e.orgId().equals(b.orgId())
                                    && e.itemCode().equals(item.code()))
                            .map(Entry::points)
                            .findFirst()
                            .orElse(null);
                    BigDecimal score = rule.points(pts);
                    items.add(new ItemResult(b.orgId(), item.code(), pts, Schemes.HUNDRED, pts, score));
                    totals.merge(b.orgId(), score, BigDecimal::add);
                }
                continue;
            }
            Indicators.Definition def = in.definitions().get(item.code());
            List<Indicators.Figure> rows = in.figures().getOrDefault(item.code(), List.of());
            Map<String, BigDecimal> targets = in.targets().getOrDefault(item.code(), Map.of());
            for (Branch b : in.branches()) {
                BigDecimal actual = value(
                        rows.stream()
                                .filter(f -> f.staffId() == null && f.orgPath().startsWith(b.orgPath()))
                                .toList(),
                        def.ratio());
                BigDecimal target = targets.get(b.orgId());
                BigDecimal completion = rule.completion(actual, target, def.direction());
                BigDecimal score = rule.points(completion);
                items.add(new ItemResult(b.orgId(), item.code(), actual, target, completion, score));
                totals.merge(b.orgId(), score, BigDecimal::add);
            }
            if (!def.personLevel()) {
                continue;
            }
            Map<String, List<Indicators.Figure>> byStaff = new TreeMap<>();
            for (Indicators.Figure f : rows) {
                if (f.staffId() != null && branchOf.containsKey(f.staffId())) {
                    byStaff.computeIfAbsent(f.staffId(), k -> new ArrayList<>()).add(f);
                }
            }
            Map<String, Integer> contributors = new LinkedHashMap<>();
            byStaff.keySet().forEach(s -> contributors.merge(branchOf.get(s).orgId(), 1, Integer::sum));
            for (Map.Entry<String, List<Indicators.Figure>> e : byStaff.entrySet()) {
                BigDecimal actual = value(e.getValue(), def.ratio());
                if (actual == null) {
                    continue;
                }
                String branch = branchOf.get(e.getKey()).orgId();
                BigDecimal target = targets.get(branch);
                if (target != null && def.personTargetShared()) {
                    target = Ratios.score(target, BigDecimal.valueOf(contributors.get(branch)));
                }
                BigDecimal completion = rule.completion(actual, target, def.direction());
                BigDecimal score = rule.points(completion);
                personItems.add(new PersonItem(e.getKey(), item.code(), actual, target, completion, score));
                BigDecimal[] acc =
                        personal.computeIfAbsent(e.getKey(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                acc[0] = acc[0].add(score);
                acc[1] = acc[1].add(item.weightPct());
            }
        }
        for (Entry e : in.entries()) {
            if (e.kind().equals("QUAL") || !totals.containsKey(e.orgId())) {
                continue;
            }
            BigDecimal signed = e.kind().equals("PENALTY") ? e.points().negate() : e.points();
            items.add(new ItemResult(
                    e.orgId(), e.kind() + ":" + e.itemCode(), e.points(), null, null, Ratios.score(signed)));
            totals.merge(e.orgId(), signed, BigDecimal::add);
        }
        List<OrgResult> orgs = new ArrayList<>();
        Map<String, Integer> ranks = ranks(totals);
        for (Branch b : in.branches()) {
            orgs.add(new OrgResult(
                    b.orgId(),
                    b.orgName(),
                    b.orgPath(),
                    b.areaClass(),
                    headcount.getOrDefault(b.orgId(), 0),
                    Ratios.score(totals.get(b.orgId())),
                    ranks.get(b.orgId())));
        }
        BigDecimal bw = BigDecimal.valueOf(in.scheme().branchWeightPct());
        Map<String, Map<String, BigDecimal>> scoresByBranch = new LinkedHashMap<>();
        List<Person> people = in.staff().stream()
                .filter(p -> branchOf.containsKey(p.staffId()))
                .toList();
        Map<String, BigDecimal> personalScore = new LinkedHashMap<>();
        Map<String, BigDecimal> personScore = new LinkedHashMap<>();
        for (Person p : people) {
            String branch = branchOf.get(p.staffId()).orgId();
            BigDecimal branchScore = Ratios.score(totals.get(branch));
            BigDecimal[] acc = personal.get(p.staffId());
            BigDecimal own =
                    acc == null || acc[1].signum() == 0 ? null : Ratios.score(acc[0].multiply(Schemes.HUNDRED), acc[1]);
            BigDecimal score = own == null
                    ? branchScore
                    : Ratios.score(
                            branchScore.multiply(bw).add(own.multiply(Schemes.HUNDRED.subtract(bw))), Schemes.HUNDRED);
            personalScore.put(p.staffId(), own);
            personScore.put(p.staffId(), score);
            scoresByBranch.computeIfAbsent(branch, k -> new LinkedHashMap<>()).put(p.staffId(), score);
        }
        Map<String, Integer> personRank = new LinkedHashMap<>();
        scoresByBranch.values().forEach(m -> personRank.putAll(ranks(m)));
        List<PersonResult> results = new ArrayList<>();
        for (Person p : people) {
            String branch = branchOf.get(p.staffId()).orgId();
            results.add(new PersonResult(
                    p.staffId(),
                    p.staffName(),
                    p.postCode(),
                    p.orgId(),
                    branch,
                    p.orgPath(),
                    Ratios.score(totals.get(branch)),
                    personalScore.get(p.staffId()),
                    personScore.get(p.staffId()),
                    personRank.get(p.staffId())));
        }
        return new Outcome(
                fingerprint(in), List.copyOf(orgs), List.copyOf(items), List.copyOf(results), List.copyOf(personItems));
    }

    /** Competition ranks: the highest score is 1, equal scores share a rank and the next rank skips. */
    static Map<String, Integer> ranks(Map<String, BigDecimal> scores) {
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(scores.entrySet());
        sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0
                    && sorted.get(i).getValue().compareTo(sorted.get(i - 1).getValue()) == 0;
            out.put(sorted.get(i).getKey(), tie ? out.get(sorted.get(i - 1).getKey()) : i + 1);
        }
        return out;
    }

    private static @Nullable Branch branchOf(List<Branch> branches, String orgPath) {
        for (Branch b : branches) {
            if (orgPath.startsWith(b.orgPath())) {
                return b;
            }
        }
        return null;
    }

    /** The sum of the rows, or the ratio of the sums; null without rows or with a zero denominator. */
    private static @Nullable BigDecimal value(List<Indicators.Figure> rows, boolean ratio) {
        if (rows.isEmpty()) {
            return null;
        }
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal base = BigDecimal.ZERO;
        for (Indicators.Figure f : rows) {
            amount = amount.add(f.amount() == null ? BigDecimal.ZERO : f.amount());
            base = base.add(f.base() == null ? BigDecimal.ZERO : f.base());
        }
        if (!ratio) {
            return Ratios.score(amount);
        }
        return base.signum() == 0 ? null : Ratios.score(amount, base);
    }

    /** SHA-256 over the inputs written out in a fixed order: equal inputs, equal fingerprints. */
    static String fingerprint(Inputs in) {
        StringBuilder s = new StringBuilder();
        s.append(Schemes.describe(in.scheme()))
                .append('\n')
                .append(in.period().key())
                .append('\n')
                .append(in.dataDate())
                .append('\n');
        in.branches().forEach(b -> s.append(b).append('\n'));
        in.staff().forEach(p -> s.append(p).append('\n'));
        new TreeMap<>(in.figures())
                .forEach((k, rows) -> rows.forEach(r -> s.append(k)
                        .append(' ')
                        .append(r.orgPath())
                        .append(' ')
                        .append(r.staffId())
                        .append(' ')
                        .append(plain(r.amount()))
                        .append(' ')
                        .append(plain(r.base()))
                        .append('\n')));
        new TreeMap<>(in.targets())
                .forEach((k, m) -> new TreeMap<>(m)
                        .forEach((o, v) -> s.append(k)
                                .append(' ')
                                .append(o)
                                .append(' ')
                                .append(plain(v))
                                .append('\n')));
        in.entries().stream()
                .map(e -> e.orgId() + ' ' + e.kind() + ' ' + e.itemCode() + ' ' + plain(e.points()))
                .sorted()
                .forEach(e -> s.append(e).append('\n'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(@Nullable BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
