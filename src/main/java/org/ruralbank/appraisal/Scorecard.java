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
import org.ruralbank.appraisal.AppraisalRuns.DeptResult;
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

    /** A head-office department as the run reads it (its org's path, its head). */
    record Department(
            String deptId,
            String deptName,
            String orgPath,
            @Nullable String headStaffId) {}

    /** An approved entry: QUAL points (0-100) of an item, or BONUS / PENALTY points; of a branch or a department. */
    record Entry(String orgId, String kind, String itemCode, BigDecimal points) {}

    /**
     * Everything a run reads. {@code targets}: item → branch org id → the period's target; {@code members}: staff id →
     * department id; {@code departmentItems}: department id → its items of the year (an item's base target is its
     * quarterly target); {@code departmentEntries}: the departments' approved entries (orgId: the department).
     */
    record Inputs(
            Schemes.Scheme scheme,
            Period period,
            java.time.@Nullable LocalDate dataDate,
            List<Branch> branches,
            List<Person> staff,
            Map<String, Indicators.Definition> definitions,
            Map<String, List<Indicators.Figure>> figures,
            Map<String, Map<String, BigDecimal>> targets,
            List<Entry> entries,
            List<Department> departments,
            Map<String, String> members,
            Map<String, List<Schemes.Item>> departmentItems,
            List<Entry> departmentEntries) {}

    record Outcome(
            String fingerprint,
            List<OrgResult> orgs,
            List<ItemResult> items,
            List<PersonResult> people,
            List<PersonItem> personItems,
            List<DeptResult> departments,
            List<ItemResult> departmentItems) {}

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
                    personRank.get(p.staffId()),
                    null));
        }
        List<ItemResult> deptItems = new ArrayList<>();
        List<DeptResult> depts = departments(in, branchOf, deptItems, results);
        return new Outcome(
                fingerprint(in),
                List.copyOf(orgs),
                List.copyOf(items),
                List.copyOf(results),
                List.copyOf(personItems),
                List.copyOf(depts),
                List.copyOf(deptItems));
    }

    /**
     * The departments' results: a department with items of the year scores each item against the bank's figure (the
     * sum of the indicator's org rows over the whole bank; for a ratio, of the numerators over the denominators) and
     * its own target (the item's quarterly target, times the period's quarters for a flow), plus its approved bonus
     * points less its penalty points; ranked among the departments. Its members who work at no branch get its score
     * as theirs (their rows are added to {@code people}, ranked within the department).
     */
    private static List<DeptResult> departments(
            Inputs in, Map<String, Branch> branchOf, List<ItemResult> deptItems, List<PersonResult> people) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        List<Department> appraised = in.departments().stream()
                .filter(d -> !in.departmentItems()
                        .getOrDefault(d.deptId(), List.of())
                        .isEmpty())
                .toList();
        for (Department d : appraised) {
            BigDecimal total = BigDecimal.ZERO.setScale(4);
            for (Schemes.Item item : in.departmentItems().get(d.deptId())) {
                ScoringRule rule = item.rule();
                if (item.kind() == Schemes.Kind.QUAL) {
                    BigDecimal pts = in.departmentEntries().stream()
                            .filter(e -> e.kind().equals("QUAL")
                                    && e.orgId().equals(d.deptId())
                                    && e.itemCode().equals(item.code()))
                            .map(Entry::points)
                            .findFirst()
                            .orElse(null);
                    BigDecimal score = rule.points(pts);
                    deptItems.add(new ItemResult(d.deptId(), item.code(), pts, Schemes.HUNDRED, pts, score));
                    total = total.add(score);
                    continue;
                }
                Indicators.Definition def = in.definitions().get(item.code());
                BigDecimal actual = value(
                        in.figures().getOrDefault(item.code(), List.of()).stream()
                                .filter(f -> f.staffId() == null)
                                .toList(),
                        def.ratio());
                BigDecimal target = item.baseTarget() == null
                        ? null
                        : Ratios.score(
                                def.flow()
                                        ? item.baseTarget().multiply(in.period().quarters())
                                        : item.baseTarget());
                BigDecimal completion = rule.completion(actual, target, def.direction());
                BigDecimal score = rule.points(completion);
                deptItems.add(new ItemResult(d.deptId(), item.code(), actual, target, completion, score));
                total = total.add(score);
            }
            for (Entry e : in.departmentEntries()) {
                if (e.kind().equals("QUAL") || !e.orgId().equals(d.deptId())) {
                    continue;
                }
                BigDecimal signed = e.kind().equals("PENALTY") ? e.points().negate() : e.points();
                deptItems.add(new ItemResult(
                        d.deptId(), e.kind() + ":" + e.itemCode(), e.points(), null, null, Ratios.score(signed)));
                total = total.add(signed);
            }
            totals.put(d.deptId(), Ratios.score(total));
        }
        Map<String, Integer> ranks = ranks(totals);
        Map<String, List<Person>> membersOf = new LinkedHashMap<>();
        for (Person p : in.staff()) {
            String dept = in.members().get(p.staffId());
            if (dept != null && !branchOf.containsKey(p.staffId()) && totals.containsKey(dept)) {
                membersOf.computeIfAbsent(dept, k -> new ArrayList<>()).add(p);
            }
        }
        List<DeptResult> out = new ArrayList<>();
        for (Department d : appraised) {
            BigDecimal score = totals.get(d.deptId());
            List<Person> members = membersOf.getOrDefault(d.deptId(), List.of());
            out.add(new DeptResult(
                    d.deptId(),
                    d.deptName(),
                    d.orgPath(),
                    d.headStaffId(),
                    members.size(),
                    score,
                    ranks.get(d.deptId())));
            for (Person p : members) {
                people.add(new PersonResult(
                        p.staffId(),
                        p.staffName(),
                        p.postCode(),
                        p.orgId(),
                        p.orgId(),
                        p.orgPath(),
                        score,
                        null,
                        score,
                        1,
                        d.deptId()));
            }
        }
        return out;
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

    /** The bank's figure of an indicator: over every org row, the sum or the ratio of the sums; null without one. */
    static @Nullable BigDecimal bankFigure(List<Indicators.Figure> rows, boolean ratio) {
        return value(rows.stream().filter(f -> f.staffId() == null).toList(), ratio);
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
        // the departments' part only when a department is appraised, so a bank without departments keeps its prints
        if (in.departmentItems().values().stream().anyMatch(l -> !l.isEmpty())) {
            in.departments().forEach(d -> s.append(d).append('\n'));
            new TreeMap<>(in.members())
                    .forEach((staff, d) ->
                            s.append(staff).append(" in ").append(d).append('\n'));
            new TreeMap<>(in.departmentItems())
                    .forEach((d, list) -> s.append(d)
                            .append(' ')
                            .append(Schemes.describe(new Schemes.Scheme(0, d, 0, 0, 100, list)))
                            .append('\n'));
            in.departmentEntries().stream()
                    .map(e -> e.orgId() + ' ' + e.kind() + ' ' + e.itemCode() + ' ' + plain(e.points()))
                    .sorted()
                    .forEach(e -> s.append(e).append('\n'));
        }
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
