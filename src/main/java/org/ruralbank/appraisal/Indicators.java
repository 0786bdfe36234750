package org.ruralbank.appraisal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The indicator library: one named query per indicator under {@code warehouse/queries/appraisal/indicators/}, whose
 * header declares, besides what every named query declares, its Chinese and English names, unit, direction (UP: more
 * is better, DOWN: less is), the levels it applies to (bank, branch, department, person), its default perspective,
 * whether it is a ratio, whether it is a flow (its target grows with the period's length: new cards, transactions,
 * expenses) or a stock or level (balances, ratios: the same target for a month, a quarter or a year), how a person's target follows from the branch's ({@code share}: the branch target divided
 * among the people with a figure; {@code same}: the branch's ratio), the query listing the accounts behind a figure
 * and, where the target-decomposition table (任务分解表) sets it, that table's indicator.
 *
 * <p>Every indicator query takes {@code :from_date} and {@code :to_date} and returns {@code org_path, staff_id,
 * amount, base}: org rows (staff_id null) and person rows. An org's figure is the sum of {@code amount} over its
 * subtree, divided by the sum of {@code base} for a ratio.
 */
@Service
public class Indicators {

    /** Whether more or less is better. */
    public enum Direction {
        UP,
        DOWN
    }

    /** The levels an indicator applies to. */
    public enum Level {
        BANK,
        BRANCH,
        DEPARTMENT,
        PERSON
    }

    /** One indicator of the library, as its query file declares it. */
    public record Definition(
            String code,
            String nameZh,
            String nameEn,
            String unit,
            Direction direction,
            Set<Level> levels,
            Perspective perspective,
            boolean ratio,
            boolean flow,
            boolean personTargetShared,
            @Nullable String accountsQuery,
            @Nullable String targetIndicator,
            String description) {

        public boolean personLevel() {
            return levels.contains(Level.PERSON);
        }

        public String name(boolean english) {
            return english ? nameEn : nameZh;
        }
    }

    /** One row of an indicator query. */
    public record Figure(
            String orgPath,
            @Nullable String staffId,
            @Nullable BigDecimal amount,
            @Nullable BigDecimal base) {}

    /** One account (or loan, merchant) behind a figure. */
    public record Account(
            String accountNo,
            @Nullable String custId,
            @Nullable String productCode,
            String orgId,
            @Nullable String staffId,
            @Nullable BigDecimal balance,
            @Nullable String detail,
            boolean newInPeriod) {}

    static final String FOLDER = "warehouse/queries/appraisal/indicators/";
    private static final Pattern HEADER = Pattern.compile("--\\s*([a-z_]+):\\s*(.*)");

    private final Warehouse warehouse;
    private final Map<String, Definition> library;

    Indicators(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.library = read();
    }

    /** Every indicator, by code. */
    public List<Definition> all() {
        return List.copyOf(library.values());
    }

    public Optional<Definition> find(String code) {
        return Optional.ofNullable(library.get(code));
    }

    /** The rows of an indicator over a period, within the rows of a scope. */
    public List<Figure> figures(String code, Period period, OrgRows rows) {
        return warehouse
                .queries()
                .named("appraisal/indicators/" + code)
                .between(period.from(), period.to())
                .within(rows)
                .list(Figure.class);
    }

    /** The accounts behind an indicator's figure of a person (or of an org subtree when {@code staffId} is null). */
    public List<Account> accounts(Definition indicator, Period period, @Nullable String staffId, OrgRows rows) {
        if (indicator.accountsQuery() == null) {
            return List.of();
        }
        return warehouse
                .queries()
                .named(indicator.accountsQuery())
                .between(period.from(), period.to())
                .bind("staff_id", staffId)
                .within(rows)
                .list(Account.class);
    }

    /** Whole-bank rows, for runs. */
    static OrgRows wholeBank() {
        return OrgRows.of(OrgScope.everything());
    }

    private static Map<String, Definition> read() {
        Map<String, Definition> out = new TreeMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(Indicators.class.getClassLoader())
                    .getResources("classpath*:" + FOLDER + "*.sql");
            for (Resource r : files) {
                String file = r.getFilename();
                String code = file.substring(0, file.length() - 4);
                try (InputStream in = r.getInputStream()) {
                    out.put(code, definition(code, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the indicator library", e);
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(out));
    }

    /** The definition an indicator file's header declares; a file missing a declaration fails at start-up. */
    static Definition definition(String code, String sql) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : sql.lines().toList()) {
            if (!line.startsWith("--")) {
                break;
            }
            Matcher m = HEADER.matcher(line.strip());
            if (m.matches() && !m.group(1).equals("param") && !m.group(1).equals("column")) {
                h.put(m.group(1), m.group(2).strip());
            }
        }
        for (String key :
                List.of("name_zh", "name_en", "unit", "direction", "levels", "perspective", "ratio", "flow")) {
            if (!h.containsKey(key)) {
                throw new IllegalStateException(FOLDER + code + ".sql declares no " + key);
            }
        }
        Set<Level> levels = EnumSet.noneOf(Level.class);
        Arrays.stream(h.get("levels").split(","))
                .map(s -> Level.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT)))
                .forEach(levels::add);
        return new Definition(
                code,
                h.get("name_zh"),
                h.get("name_en"),
                h.get("unit"),
                Direction.valueOf(h.get("direction")),
                Set.copyOf(levels),
                Perspective.valueOf(h.get("perspective")),
                Boolean.parseBoolean(h.get("ratio")),
                Boolean.parseBoolean(h.get("flow")),
                !"same".equals(h.get("person_target")),
                h.get("accounts"),
                h.get("target_indicator"),
                h.getOrDefault("description", ""));
    }
}
