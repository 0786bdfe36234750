package org.ruralbank.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;

/**
 * The warehouse's read front door: another context reads the marts (and the dimensions beside them) only through
 * named queries, files {@code warehouse/queries/<context>/<name>.sql} (or a folder below the context's, such as
 * {@code appraisal/indicators/<name>}) on the class path, each read into a record.
 *
 * <pre>
 * List&lt;CardsByOrg&gt; rows = warehouse.queries().named("channels/cards_by_org")
 *         .bind("from_date", from).bind("to_date", to).within(orgRows).list(CardsByOrg.class);
 * </pre>
 *
 * <p>Guarantees:
 * <ul>
 * <li>A query file opens with a header of {@code -- key: value} lines: {@code description}, {@code grain}, one
 * {@code param: name: text} per {@code :name} parameter it uses and one {@code column: name: text} per column it
 * returns. The parameters are checked when the file is read, the columns on every run: a header that lies fails.</li>
 * <li>Values are bound as JDBC parameters, never written into the text; every declared parameter must be bound and
 * nothing else may be.</li>
 * <li>The text is written once for every engine, with the macros of {@link Macros} where engines differ (the as-of
 * predicate {@code {{ valid_on(alias, :to_date) }}}, {@code {{ open_end }}}, ...), rendered through the engine's
 * {@link WarehouseDialect} once, when the file is first read; a file using a macro that is unknown or needs a model's
 * business date fails then, naming the file.</li>
 * <li>{@code {{ org_scope(column) }}} is where the query filters bank data by org: it becomes the caller's
 * {@link OrgRows} over that org path column (the user's data scope, narrowed to one org's subtree when asked);
 * {@code {{ org_scope(column, staff_column) }}} also names the row's managing staff column, which narrows a customer
 * manager's own-customers scope to the rows they manage (see {@link OrgScope#where}). A
 * query that has it must be run {@link Query#within} an {@code OrgRows}; one that has not must not be, so no scope is
 * ever dropped silently.</li>
 * <li>A query that reads a table not built yet (an empty warehouse, a model added after the last rebuild) returns no
 * rows.</li>
 * <li>Each row becomes a record by column name ({@code org_id} → {@code orgId}); every component needs its column,
 * columns no component asks for are left unread. Numbers map to {@code long}, {@code int} or {@link BigDecimal},
 * dates to {@link LocalDate}, timestamps to {@link LocalDateTime}, text to {@link String} or an enum by its name, booleans to
 * {@code boolean}; NULL is 0 or false in a primitive component and null in any other.</li>
 * <li>At most {@link #MAX_ROWS} rows: a query returning more fails rather than show part of its answer.</li>
 * </ul>
 */
public final class WarehouseQueries {

    /** The most rows one query may return. */
    public static final int MAX_ROWS = 100_000;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)+");
    private static final Pattern HEADER = Pattern.compile("--\\s*([a-z_]+):\\s*(.*)");
    private static final Pattern SCOPE = Pattern.compile(
            "\\{\\{\\s*org_scope\\(\\s*([a-z_][a-z0-9_.]*)\\s*(?:,\\s*([a-z_][a-z0-9_.]*)\\s*)?\\)\\s*}}");
    private static final Pattern TABLE = Pattern.compile("\\b(ods|dw|mart)\\.([a-z0-9_]+)");
    private static final Map<FileKey, NamedQuery> FILES = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Constructor<?>> RECORDS = new ConcurrentHashMap<>();

    private final WarehouseEngine engine;

    /**
     * The tables these queries found built, so that the catalogue is asked once per table and not on every run (a
     * page running a dozen queries would otherwise spend more on the catalogue than on some of the queries). Only
     * tables found are kept: one not built yet is looked for again on the next run.
     */
    private final Set<String> built = ConcurrentHashMap.newKeySet();

    private WarehouseQueries(WarehouseEngine engine) {
        this.engine = engine;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    public static WarehouseQueries on(WarehouseEngine engine) {
        return new WarehouseQueries(engine);
    }

    /** The query kept in {@code warehouse/queries/<name>.sql}, e.g. {@code channels/cards_by_org}. */
    public Query named(String name) {
        return new Query(FILES.computeIfAbsent(new FileKey(name, engine.dialect()), NamedQuery::read));
    }

    /** A query file as one dialect renders it. */
    private record FileKey(String name, WarehouseDialect dialect) {}

    /** One run of a named query: its parameters and the rows it may read. Not shared between threads. */
    public final class Query {

        private final NamedQuery query;
        private final Map<String, @Nullable Object> params = new HashMap<>();
        private @Nullable OrgRows rows;

        private Query(NamedQuery query) {
            this.query = query;
        }

        /** Binds {@code :name}. */
        public Query bind(String name, @Nullable Object value) {
            if (!query.params().contains(name)) {
                throw new IllegalArgumentException(query.name() + " has no parameter :" + name);
            }
            params.put(name, value);
            return this;
        }

        /** Binds a period, the house's one spelling of it: {@code :from_date} and {@code :to_date}, both included. */
        public Query between(LocalDate fromDate, LocalDate toDate) {
            return bind("from_date", fromDate).bind("to_date", toDate);
        }

        /** The rows the query may read, for a query that filters by org. */
        public Query within(OrgRows orgRows) {
            if (query.scopeColumns().isEmpty()) {
                throw new IllegalArgumentException(query.name() + " reads no org's rows: it takes no OrgRows");
            }
            this.rows = orgRows;
            return this;
        }

        public <T extends Record> List<T> list(Class<T> type) {
            QueryResult result = run();
            Constructor<?> constructor = RECORDS.computeIfAbsent(type, WarehouseQueries::canonical);
            RecordComponent[] components = type.getRecordComponents();
            int[] index = new int[components.length];
            for (int c = 0; c < components.length; c++) {
                index[c] = result.columns().indexOf(column(components[c].getName()));
                if (index[c] < 0) {
                    throw new IllegalStateException(query.name() + " returns no column "
                            + column(components[c].getName()) + " for " + type.getSimpleName());
                }
            }
            List<T> out = new ArrayList<>(result.rows().size());
            for (List<Object> row : result.rows()) {
                @Nullable Object[] args = new Object[components.length];
                for (int c = 0; c < components.length; c++) {
                    args[c] = value(
                            row.get(index[c]),
                            components[c].getType(),
                            query.name(),
                            result.columns().get(index[c]));
                }
                out.add(type.cast(construct(constructor, args)));
            }
            return List.copyOf(out);
        }

        /** The first row, if any. */
        public <T extends Record> Optional<T> first(Class<T> type) {
            return list(type).stream().findFirst();
        }

        private QueryResult run() {
            if (!query.scopeColumns().isEmpty() && rows == null) {
                throw new IllegalArgumentException(
                        query.name() + " reads bank data: run it within the OrgRows of a scope");
            }
            if (!params.keySet().equals(query.params())) {
                Set<String> missing = new LinkedHashSet<>(query.params());
                missing.removeAll(params.keySet());
                throw new IllegalArgumentException(query.name() + " needs a value for " + missing);
            }
            if (!built.containsAll(query.tables())) {
                Map<String, Set<String>> tables = new HashMap<>();
                for (String table : query.tables()) {
                    String[] t = table.split("\\.");
                    if (!tables.computeIfAbsent(t[0], s -> Set.copyOf(engine.tables(s)))
                            .contains(t[1])) {
                        return new QueryResult(query.columns(), List.of(), false);
                    }
                    built.add(table);
                }
            }
            Map<String, @Nullable Object> bound = new HashMap<>(params);
            Matcher m = SCOPE.matcher(query.sql());
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                OrgScope.Condition c = Objects.requireNonNull(rows).over(m.group(1), m.group(2));
                bound.putAll(c.params());
                m.appendReplacement(sql, Matcher.quoteReplacement(c.sql()));
            }
            m.appendTail(sql);
            QueryResult result = engine.query(sql.toString(), bound, MAX_ROWS);
            if (result.truncated()) {
                throw new IllegalStateException(query.name() + " returns more than " + MAX_ROWS + " rows");
            }
            if (!result.columns().equals(query.columns())) {
                throw new IllegalStateException(query.name() + " returns the columns " + result.columns()
                        + " but its header declares " + query.columns());
            }
            return result;
        }
    }

    /** A query file: its text, the parameters and columns its header declares, the tables and org columns it reads. */
    private record NamedQuery(
            String name,
            String sql,
            Set<String> params,
            List<String> columns,
            Set<String> tables,
            List<String> scopeColumns) {

        static NamedQuery read(FileKey file) {
            String name = file.name();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a query name: " + name);
            }
            String path = "warehouse/queries/" + name + ".sql";
            String text;
            try (InputStream in = WarehouseQueries.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("no query " + path + " on the class path");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
            String sql;
            try {
                sql = Macros.renderQuery(text, file.dialect());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(path + ": " + e.getMessage(), e);
            }
            Map<String, List<String>> header = new LinkedHashMap<>();
            for (String line : sql.lines().toList()) {
                Matcher h = HEADER.matcher(line.strip());
                if (!line.startsWith("--")) {
                    break;
                }
                if (h.matches()) {
                    header.computeIfAbsent(h.group(1), k -> new ArrayList<>()).add(h.group(2));
                }
            }
            for (String required : List.of("description", "grain", "column")) {
                if (!header.containsKey(required)) {
                    throw new IllegalStateException(path + " declares no " + required);
                }
            }
            Set<String> declared = new LinkedHashSet<>(names(header.getOrDefault("param", List.of())));
            List<String> scopeColumns = new ArrayList<>();
            Matcher s = SCOPE.matcher(sql);
            while (s.find()) {
                scopeColumns.add(s.group(1));
            }
            Set<String> used = NamedSql.names(SCOPE.matcher(sql).replaceAll("1 = 1"));
            if (!used.equals(declared)) {
                throw new IllegalStateException(path + " uses the parameters " + used + " but declares " + declared);
            }
            Set<String> tables = new LinkedHashSet<>();
            Matcher t = TABLE.matcher(
                    sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b));
            while (t.find()) {
                tables.add(t.group(1) + "." + t.group(2));
            }
            return new NamedQuery(
                    name,
                    sql,
                    Set.copyOf(declared),
                    names(header.get("column")),
                    Set.copyOf(tables),
                    List.copyOf(scopeColumns));
        }

        private static List<String> names(List<String> entries) {
            return entries.stream()
                    .map(e -> e.substring(0, e.indexOf(':') < 0 ? e.length() : e.indexOf(':'))
                            .strip())
                    .toList();
        }
    }

    /** {@code orgId} → {@code org_id}. */
    static String column(String component) {
        StringBuilder out = new StringBuilder(component.length() + 4);
        for (char ch : component.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static Constructor<?> canonical(Class<?> type) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    private static Object construct(Constructor<?> constructor, @Nullable Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable Object value(@Nullable Object v, Class<?> type, String query, String column) {
        if (v == null) {
            if (type == long.class) {
                return 0L;
            }
            if (type == int.class) {
                return 0;
            }
            if (type == boolean.class) {
                return false;
            }
            return null;
        }
        if (type == long.class || type == Long.class) {
            return v instanceof BigInteger b
                    ? b.longValueExact()
                    : v instanceof BigDecimal d ? d.longValueExact() : ((Number) v).longValue();
        }
        if (type == int.class || type == Integer.class) {
            return v instanceof BigInteger b
                    ? b.intValueExact()
                    : v instanceof BigDecimal d ? d.intValueExact() : Math.toIntExact(((Number) v).longValue());
        }
        if (type == BigDecimal.class) {
            return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
        }
        if (type == LocalDate.class) {
            return v instanceof LocalDate d
                    ? d
                    : v instanceof java.sql.Date d
                            ? d.toLocalDate()
                            : LocalDate.parse(v.toString().substring(0, 10));
        }
        if (type == LocalDateTime.class) {
            return v instanceof LocalDateTime t ? t : ((java.sql.Timestamp) v).toLocalDateTime();
        }
        if (type == String.class) {
            return v.toString();
        }
        if (type.isEnum()) {
            return enumValue(type, v.toString());
        }
        if (type == boolean.class || type == Boolean.class) {
            return (Boolean) v;
        }
        throw new IllegalStateException(query + ": column " + column + " cannot be read as " + type.getSimpleName());
    }
}
