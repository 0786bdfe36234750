package org.ruralbank.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.NotFound;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.WarehouseQueries;

/**
 * The relationships drawn around one customer on a date: the customer in the middle, their neighbours on a circle
 * around them (grouped by the kind of their first relationship with the customer), every relationship touching the
 * customer and those between the neighbours, laid out for a drawing of {@link #WIDTH} × {@link #HEIGHT}.
 *
 * <p>Guarantees: the customer in the middle is within the caller's scope (or {@link NotFound}); a neighbour outside
 * the scope carries neither id nor name ({@link Node#custId()} and {@link Node#name()} are null), only its type and
 * the relationships it has here; at most {@link #MAX_NEIGHBOURS} neighbours are drawn, the others counted in
 * {@link #omitted()}.
 */
public record RelationshipGraph(LocalDate date, Node center, List<Node> nodes, List<Edge> edges, int omitted) {

    /** The drawing's width and height (SVG user units). */
    public static final int WIDTH = 760;

    public static final int HEIGHT = 560;

    /** The most neighbours drawn around a customer. */
    public static final int MAX_NEIGHBOURS = 40;

    /** The kinds of relationship, in the order of the legend and of the circle. */
    public enum Kind {
        LEGAL_REP("#6f42c1", true),
        GUARANTOR("#dc3545", true),
        EMPLOYER("#0d6efd", true),
        HOUSEHOLD("#198754", false),
        COUNTERPARTY("#fd7e14", true);

        private final String color;
        private final boolean directed;

        Kind(String color, boolean directed) {
            this.color = color;
            this.directed = directed;
        }

        public String color() {
            return color;
        }

        /** Whether the relationship goes from one party to the other (all but the household). */
        public boolean directed() {
            return directed;
        }
    }

    /**
     * A customer drawn: in the middle, or a neighbour.
     *
     * @param index  its number in the drawing
     * @param custId the customer; null when outside the scope
     * @param name   their name; null when outside the scope
     * @param type   P person, C company
     */
    public record Node(
            int index,
            @Nullable String custId,
            @Nullable String name,
            String type,
            boolean inScope,
            boolean center,
            double x,
            double y,
            double r) {

        /** The name shortened for a label under the node (the whole name is in its tooltip). */
        public @Nullable String label() {
            if (name == null || name.codePointCount(0, name.length()) <= 8) {
                return name;
            }
            return name.substring(0, name.offsetByCodePoints(0, 7)) + "…";
        }

        public String cx() {
            return num(x);
        }

        public String cy() {
            return num(y);
        }

        /** Under the node, or above it for a neighbour above the middle (its relationships come from below). */
        public String labelY() {
            return num(!center && y < HEIGHT / 2.0 ? y - r - 6 : y + r + 14);
        }
    }

    /**
     * A relationship drawn from {@code from} to {@code to} (node indexes) as the SVG path {@code path}.
     *
     * @param amount the guaranteed amount, the last salary or the transfers of 90 days; null when none
     */
    public record Edge(
            Kind kind, int from, int to, @Nullable BigDecimal amount, String path) {}

    /** A relationship as read: kind, both ends with name, type and scope, amount. */
    public record Row(
            String kind,
            String fromCustId,
            @Nullable String fromName,
            @Nullable String fromType,
            boolean fromInScope,
            String toCustId,
            @Nullable String toName,
            @Nullable String toType,
            boolean toInScope,
            @Nullable BigDecimal amount) {}

    /** A member of the customer's confirmed household, with whether their page opens within the scope. */
    public record HouseholdMember(String custId, @Nullable String name, boolean inScope) {}

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int maxNeighbours() {
        return MAX_NEIGHBOURS;
    }

    /** Every kind of relationship, in legend order. */
    public List<Kind> allKinds() {
        return List.of(Kind.values());
    }

    /** The kinds that appear in this drawing, in legend order. */
    public List<Kind> kinds() {
        return edges.stream().map(Edge::kind).distinct().sorted().toList();
    }

    /** Whether any neighbour lies outside the scope (the legend then explains the grey nodes). */
    public boolean hasOutOfScope() {
        return nodes.stream().anyMatch(n -> !n.inScope());
    }

    /** The node of {@code index}. */
    public Node node(int index) {
        return nodes.get(index);
    }

    /**
     * Reads the graph around {@code custId} on {@code date} ({@code crm/customer_graph}) and draws it with the
     * members of their confirmed household.
     *
     * @throws NotFound the customer does not exist or lies outside {@code scope}
     */
    public static RelationshipGraph read(
            WarehouseQueries queries,
            String custId,
            LocalDate date,
            OrgScope scope,
            Customer360.Identity identity,
            List<HouseholdMember> household) {
        List<Row> rows = queries.named("crm/customer_graph")
                .bind("cust_id", custId)
                .bind("business_date", date)
                .within(OrgRows.of(scope))
                .list(Row.class);
        return draw(date, identity.custId(), identity.custName(), identity.custType(), rows, household);
    }

    private record Party(String custId, @Nullable String name, String type, boolean inScope) {}

    /** Lays the relationships out: the customer in the middle, the neighbours on a circle, grouped by kind. */
    static RelationshipGraph draw(
            LocalDate date,
            String custId,
            @Nullable String name,
            String type,
            List<Row> rows,
            List<HouseholdMember> household) {
        Map<String, Party> parties = new LinkedHashMap<>();
        Map<String, Kind> firstKind = new HashMap<>();
        List<Row> all = new ArrayList<>(rows);
        for (HouseholdMember m : household) {
            all.add(new Row(
                    Kind.HOUSEHOLD.name(), custId, name, type, true, m.custId(), m.name(), "P", m.inScope(), null));
        }
        for (Row r : all) {
            Kind kind = Kind.valueOf(r.kind());
            parties.putIfAbsent(
                    r.fromCustId(),
                    new Party(
                            r.fromCustId(), r.fromName(), r.fromType() == null ? "P" : r.fromType(), r.fromInScope()));
            parties.putIfAbsent(
                    r.toCustId(),
                    new Party(r.toCustId(), r.toName(), r.toType() == null ? "P" : r.toType(), r.toInScope()));
            if (r.fromCustId().equals(custId)) {
                firstKind.merge(r.toCustId(), kind, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            } else if (r.toCustId().equals(custId)) {
                firstKind.merge(r.fromCustId(), kind, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<Party> neighbours = firstKind.keySet().stream()
                .map(parties::get)
                .sorted(Comparator.comparing((Party p) -> firstKind.get(p.custId()))
                        .thenComparing(p -> !p.inScope())
                        .thenComparing(Party::custId))
                .toList();
        int omitted = Math.max(0, neighbours.size() - MAX_NEIGHBOURS);
        if (omitted > 0) {
            neighbours = neighbours.subList(0, MAX_NEIGHBOURS);
        }
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        Node center = new Node(0, custId, name, type, true, true, cx, cy, 26);
        List<Node> nodes = new ArrayList<>();
        nodes.add(center);
        Map<String, Integer> index = new HashMap<>();
        index.put(custId, 0);
        int n = neighbours.size();
        double radius = n <= 6 ? 150 : n <= 16 ? 200 : 230;
        double nodeR = n <= 16 ? 18 : 13;
        for (int i = 0; i < n; i++) {
            Party p = neighbours.get(i);
            double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
            double x = cx + radius * Math.cos(angle) * 1.35;
            double y = cy + radius * Math.sin(angle);
            index.put(p.custId(), nodes.size());
            nodes.add(new Node(
                    nodes.size(),
                    p.inScope() ? p.custId() : null,
                    p.inScope() ? p.name() : null,
                    p.type(),
                    p.inScope(),
                    false,
                    x,
                    y,
                    nodeR));
        }
        // the relationships between two drawn customers, those of one pair bent apart so that none hides another
        Map<String, List<Row>> pairs = new LinkedHashMap<>();
        for (Row r : all) {
            Integer a = index.get(r.fromCustId());
            Integer b = index.get(r.toCustId());
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            String key = Math.min(a, b) + "-" + Math.max(a, b);
            List<Row> pair = pairs.computeIfAbsent(key, k -> new ArrayList<>());
            if (pair.stream()
                    .noneMatch(q -> q.kind().equals(r.kind())
                            && q.fromCustId().equals(r.fromCustId())
                            && q.toCustId().equals(r.toCustId()))) {
                pair.add(r);
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (List<Row> pair : pairs.values()) {
            for (int j = 0; j < pair.size(); j++) {
                Row r = pair.get(j);
                Node from = nodes.get(index.get(r.fromCustId()));
                Node to = nodes.get(index.get(r.toCustId()));
                double bend = (j - (pair.size() - 1) / 2.0) * 36;
                edges.add(new Edge(Kind.valueOf(r.kind()), from.index(), to.index(), r.amount(), path(from, to, bend)));
            }
        }
        edges.sort(Comparator.comparing(Edge::kind).thenComparing(Edge::from).thenComparing(Edge::to));
        return new RelationshipGraph(date, center, List.copyOf(nodes), List.copyOf(edges), omitted);
    }

    /**
     * A quadratic curve from the rim of {@code from} to the rim of {@code to}, its control point {@code bend} units
     * off the straight line (the side taken from the lower node number to the higher, so that two relationships of
     * one pair in opposite directions bend apart).
     */
    private static String path(Node from, Node to, double bend) {
        Node lo = from.index() < to.index() ? from : to;
        Node hi = lo == from ? to : from;
        double dx = hi.x() - lo.x();
        double dy = hi.y() - lo.y();
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double mx = (from.x() + to.x()) / 2 - dy / len * bend;
        double my = (from.y() + to.y()) / 2 + dx / len * bend;
        double[] start = rim(from, mx, my);
        double[] end = rim(to, mx, my);
        return "M" + num(start[0]) + " " + num(start[1]) + " Q" + num(mx) + " " + num(my) + " " + num(end[0]) + " "
                + num(end[1]);
    }

    /** The point on the rim of {@code node} (plus a gap for the arrow) towards ({@code x}, {@code y}). */
    private static double[] rim(Node node, double x, double y) {
        double dx = x - node.x();
        double dy = y - node.y();
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double r = node.r() + 3;
        return new double[] {node.x() + dx / len * r, node.y() + dy / len * r};
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
