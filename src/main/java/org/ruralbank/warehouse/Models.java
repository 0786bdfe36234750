package org.ruralbank.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The catalogue of SQL models and data tests on the class path ({@code warehouse/models/<layer>/*.sql},
 * {@code warehouse/tests/*.sql}), in dependency order. Each file starts with a header of {@code -- key: value}
 * comment lines: {@code description}, {@code grain}, {@code materialized} (partition or scd2), {@code key},
 * {@code changes_only}, {@code column: name: text} and {@code test: kind args [warn]} (kinds: not_null, unique,
 * accepted_values, relationships). Dependencies are read from the SQL itself.
 *
 * <p>SQL may use the macros of {@link Macros}, which each engine renders through its {@link WarehouseDialect}.
 */
public final class Models {

    public static final String OPEN_END = "9999-12-31";
    private static final Pattern REF = Pattern.compile("\\b(ods|dw|mart)\\.([a-z0-9_]+)");

    private final List<Model> models;
    private final List<DataTest> tests;
    private final Map<String, String> referenceTables;

    private Models(List<Model> models, List<DataTest> tests, Map<String, String> referenceTables) {
        this.models = models;
        this.tests = tests;
        this.referenceTables = referenceTables;
    }

    /** No models and no tests: a warehouse of ODS only (benchmarks of the intake alone). */
    public static Models none() {
        return new Models(List.of(), List.of(), Map.of());
    }

    /** The models and tests on the class path. */
    public static Models load() {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            List<Model> models = new ArrayList<>();
            for (Resource r : resolver.getResources("classpath*:warehouse/models/*/*.sql")) {
                String layer = layerOf(r);
                String name = layer + "." + r.getFilename().replace(".sql", "");
                models.add(parse(name, r.getContentAsString(StandardCharsets.UTF_8)));
            }
            List<Model> ordered = order(models);
            List<DataTest> tests = new ArrayList<>();
            for (Model m : ordered) {
                tests.addAll(m.tests());
            }
            Resource[] custom = resolver.getResources("classpath*:warehouse/tests/*.sql");
            Arrays.sort(custom, Comparator.comparing(Resource::getFilename));
            for (Resource r : custom) {
                tests.add(parseTest(r.getFilename().replace(".sql", ""), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            Map<String, String> refs = new TreeMap<>();
            for (Resource r : resolver.getResources("classpath*:warehouse/ref/*.sql")) {
                refs.put(
                        "ref." + r.getFilename().replace(".sql", ""),
                        body(r.getContentAsString(StandardCharsets.UTF_8)));
            }
            return new Models(List.copyOf(ordered), List.copyOf(tests), Map.copyOf(refs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the warehouse models", e);
        }
    }

    private static String layerOf(Resource r) throws IOException {
        String url = r.getURL().toString();
        String[] parts = url.split("/");
        return parts[parts.length - 2];
    }

    /** The models, each after those it depends on. */
    public List<Model> all() {
        return models;
    }

    /** Every data test: those declared beside models, then the cross-model test files. */
    public List<DataTest> tests() {
        return tests;
    }

    /**
     * The reference tables ({@code warehouse/ref/<name>.sql}, each a {@code create table if not exists ref.<name>}):
     * what the operational store keeps and the models read, filled by {@link ReferenceData} before every build.
     * Qualified name to its DDL.
     */
    public Map<String, String> referenceTables() {
        return referenceTables;
    }

    public Optional<Model> find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    static Model parse(String name, String text) {
        Map<String, List<String>> header = header(text);
        String materialized = one(header, "materialized", "partition");
        Model.Materialization mat = Model.Materialization.valueOf(materialized.toUpperCase());
        List<String> key = header.containsKey("key")
                ? Arrays.stream(one(header, "key", "").split(","))
                        .map(String::strip)
                        .toList()
                : List.of();
        List<Model.Column> columns = new ArrayList<>();
        for (String c : header.getOrDefault("column", List.of())) {
            int colon = c.indexOf(':');
            columns.add(
                    colon < 0
                            ? new Model.Column(c.strip(), "")
                            : new Model.Column(
                                    c.substring(0, colon).strip(),
                                    c.substring(colon + 1).strip()));
        }
        String sql = body(text);
        Set<String> deps = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Matcher m = REF.matcher(sql.toLowerCase());
        while (m.find()) {
            String ref = m.group(1) + "." + m.group(2);
            if (ref.equals(name)) {
                continue;
            }
            (m.group(1).equals("ods") ? sources : deps).add(ref);
        }
        Model model = new Model(
                name,
                one(header, "description", ""),
                one(header, "grain", ""),
                mat,
                key,
                Boolean.parseBoolean(one(header, "changes_only", "false")),
                columns,
                List.of(),
                deps,
                sources,
                sql);
        List<DataTest> tests = new ArrayList<>();
        for (String t : header.getOrDefault("test", List.of())) {
            tests.add(generic(model, t));
        }
        return new Model(
                name,
                model.description(),
                model.grain(),
                mat,
                key,
                model.changesOnly(),
                columns,
                List.copyOf(tests),
                deps,
                sources,
                sql);
    }

    /** A generic test declared as {@code kind args [warn]}. */
    static DataTest generic(Model model, String spec) {
        List<String> words = new ArrayList<>(Arrays.asList(spec.strip().split("\\s+")));
        DataTest.Severity severity = DataTest.Severity.ERROR;
        if (words.get(words.size() - 1).equalsIgnoreCase("warn")) {
            severity = DataTest.Severity.WARN;
            words.remove(words.size() - 1);
        }
        String kind = words.get(0);
        String subject = model.asOfT();
        String sql;
        String name;
        switch (kind) {
            case "not_null" -> {
                name = "not_null(" + words.get(1) + ")";
                sql = "select * from " + subject + " s where " + words.get(1) + " is null";
            }
            case "unique" -> {
                String cols = String.join(" ", words.subList(1, words.size()));
                name = "unique(" + cols + ")";
                sql = "select " + cols + ", count(*) as n from " + subject + " s group by " + cols
                        + " having count(*) > 1";
            }
            case "accepted_values" -> {
                name = "accepted_values(" + words.get(1) + ")";
                String list = Arrays.stream(words.get(2).split(","))
                        .map(v -> "'" + v + "'")
                        .reduce((a, b) -> a + ", " + b)
                        .orElseThrow();
                sql = "select * from " + subject + " s where " + words.get(1) + " is not null and " + words.get(1)
                        + " not in (" + list + ")";
            }
            case "relationships" -> {
                String target = words.get(2);
                int dot = target.lastIndexOf('.');
                String targetModel = target.substring(0, dot);
                String targetColumn = target.substring(dot + 1);
                name = "relationships(" + words.get(1) + " -> " + target + ")";
                String targetRows = targetModel.startsWith("ods.")
                        ? "(select * from " + targetModel + " where biz_date = {{ biz_date }})"
                        : "{{ as_of " + targetModel + " }}";
                sql = "select * from " + subject + " s where s." + words.get(1) + " is not null and not exists "
                        + "(select 1 from " + targetRows + " t where t." + targetColumn + " = s." + words.get(1) + ")";
            }
            default -> throw new IllegalArgumentException(model.name() + ": unknown test kind " + kind);
        }
        return new DataTest(name, model.name(), spec.strip(), severity, sql);
    }

    static DataTest parseTest(String name, String text) {
        Map<String, List<String>> header = header(text);
        return new DataTest(
                name,
                one(header, "model", ""),
                one(header, "description", ""),
                DataTest.Severity.valueOf(one(header, "severity", "error").toUpperCase()),
                body(text));
    }

    /** Resolves {@code {{ as_of model }}} placeholders of generic relationship tests. */
    String resolveAsOf(String sql) {
        Matcher m = Pattern.compile("\\{\\{ as_of ([a-z0-9_.]+) }}").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Model target = find(m.group(1)).orElseThrow(() -> new IllegalArgumentException("no model " + m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(target.asOfT()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, List<String>> header(String text) {
        Map<String, List<String>> header = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("--")) {
                if (l.isEmpty()) {
                    continue;
                }
                break;
            }
            String content = l.substring(2).strip();
            int colon = content.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = content.substring(0, colon).strip();
            if (!key.matches("[a-z_]+")) {
                continue;
            }
            header.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(content.substring(colon + 1).strip());
        }
        return header;
    }

    private static String body(String text) {
        StringBuilder sb = new StringBuilder();
        boolean inHeader = true;
        for (String line : text.split("\n")) {
            if (inHeader && (line.strip().startsWith("--") || line.isBlank())) {
                continue;
            }
            inHeader = false;
            sb.append(line).append('\n');
        }
        String sql = sb.toString().strip();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }

    private static String one(Map<String, List<String>> header, String key, String fallback) {
        List<String> v = header.get(key);
        return v == null || v.isEmpty() ? fallback : String.join(" ", v);
    }

    private static List<Model> order(List<Model> models) {
        Map<String, Model> byName = new TreeMap<>();
        for (Model m : models) {
            byName.put(m.name(), m);
        }
        List<Model> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : byName.keySet()) {
            visit(name, byName, done, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(
            String name, Map<String, Model> byName, Set<String> done, Set<String> visiting, List<Model> ordered) {
        if (done.contains(name)) {
            return;
        }
        Model m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("a model refers to " + name + ", which does not exist");
        }
        if (!visiting.add(name)) {
            throw new IllegalArgumentException("models depend on each other in a cycle through " + name);
        }
        for (String d : m.dependencies()) {
            visit(d, byName, done, visiting, ordered);
        }
        visiting.remove(name);
        done.add(name);
        ordered.add(m);
    }
}
