package org.ruralbank.crm;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Guarantee circles and chains in a graph of guarantees (guarantor → borrower), the rural bank's classic credit
 * risk: when one borrower fails, the guarantors who are themselves borrowers fail in turn.
 *
 * <ul>
 * <li>A <b>circle</b> is a strongly connected group of two or more customers: each one's loan is guaranteed, directly
 * or through others of the group, by each other one. Two customers guaranteeing each other are a mutual guarantee
 * ({@link Kind#MUTUAL}, 互保); three or more a joint circle ({@link Kind#JOINT}, 联保).</li>
 * <li>A <b>chain</b> ({@link Kind#CHAIN}) is a connected group of at least three customers without a circle whose
 * longest guarantee path has at least two links (A guarantees B, B guarantees C).</li>
 * </ul>
 *
 * Detection is Tarjan's algorithm (iterative, so a long chain cannot overflow the stack) and a longest path over the
 * order it yields; both linear in the edges. A group touching a circle is reported as its circle only.
 */
public final class GuaranteeCircles {

    private GuaranteeCircles() {}

    public enum Kind {
        MUTUAL,
        JOINT,
        CHAIN
    }

    /** One guarantee: {@code fromCustId} guarantees a loan of {@code toCustId}. */
    public record Edge(
            String fromCustId,
            @Nullable String fromName,
            String toCustId,
            @Nullable String toName,
            @Nullable String refId,
            @Nullable BigDecimal amount,
            String orgId) {}

    /**
     * A circle or chain: its members in id order, its guarantees, their amount and its length (the number of members
     * of a circle, the links of a chain's longest path).
     */
    public record Group(Kind kind, List<String> members, List<Edge> edges, BigDecimal amount, int length) {}

    /** The circles (largest first) and then the chains (longest first) of {@code edges}. */
    public static List<Group> find(List<Edge> edges) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Edge e : edges) {
            for (String c : List.of(e.fromCustId(), e.toCustId())) {
                if (index.putIfAbsent(c, names.size()) == null) {
                    names.add(c);
                }
            }
        }
        int n = names.size();
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            int f = index.get(e.fromCustId());
            int t = index.get(e.toCustId());
            if (f != t) {
                out.get(f).add(t);
            }
        }
        int[] component = strongComponents(out);
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int v = 0; v < n; v++) {
            members.computeIfAbsent(component[v], k -> new ArrayList<>()).add(v);
        }
        List<Group> circles = new ArrayList<>();
        boolean[] inCircle = new boolean[n];
        for (List<Integer> m : members.values()) {
            if (m.size() < 2) {
                continue;
            }
            int c = component[m.get(0)];
            m.forEach(v -> inCircle[v] = true);
            List<Edge> inside = edges.stream()
                    .filter(e -> component[index.get(e.fromCustId())] == c && component[index.get(e.toCustId())] == c)
                    .toList();
            circles.add(group(m.size() == 2 ? Kind.MUTUAL : Kind.JOINT, m, names, inside, m.size()));
        }
        circles.sort(Comparator.comparingInt(Group::length)
                .reversed()
                .thenComparing(g -> g.members().get(0)));
        return withChains(circles, edges, index, names, out, inCircle);
    }

    private static List<Group> withChains(
            List<Group> circles,
            List<Edge> edges,
            Map<String, Integer> index,
            List<String> names,
            List<List<Integer>> out,
            boolean[] inCircle) {
        int n = names.size();
        // weakly connected groups of the customers outside every circle, over the guarantees among them
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        boolean[] touchesCircle = new boolean[n];
        for (int f = 0; f < n; f++) {
            for (int t : out.get(f)) {
                if (inCircle[f] || inCircle[t]) {
                    touchesCircle[f] = touchesCircle[t] = true;
                } else {
                    parent[find(parent, f)] = find(parent, t);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int v = 0; v < n; v++) {
            if (!inCircle[v]) {
                groups.computeIfAbsent(find(parent, v), k -> new ArrayList<>()).add(v);
            }
        }
        List<Group> chains = new ArrayList<>();
        for (List<Integer> m : groups.values()) {
            if (m.size() < 3 || m.stream().anyMatch(v -> touchesCircle[v])) {
                continue;
            }
            int longest = longestPath(m, out);
            if (longest < 2) {
                continue;
            }
            TreeSet<String> ids = new TreeSet<>();
            m.forEach(v -> ids.add(names.get(v)));
            List<Edge> inside = edges.stream()
                    .filter(e -> ids.contains(e.fromCustId()) && ids.contains(e.toCustId()))
                    .toList();
            chains.add(group(Kind.CHAIN, m, names, inside, longest));
        }
        chains.sort(Comparator.comparingInt(Group::length)
                .reversed()
                .thenComparing(g -> g.members().get(0)));
        List<Group> all = new ArrayList<>(circles);
        all.addAll(chains);
        return List.copyOf(all);
    }

    private static Group group(Kind kind, List<Integer> m, List<String> names, List<Edge> inside, int length) {
        List<String> ids = m.stream().map(names::get).sorted().toList();
        List<Edge> sorted = inside.stream()
                .sorted(Comparator.comparing(Edge::fromCustId).thenComparing(Edge::toCustId))
                .toList();
        BigDecimal amount = sorted.stream()
                .map(e -> e.amount() == null ? BigDecimal.ZERO : e.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Group(kind, ids, sorted, amount, length);
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /** The links of the longest path inside {@code m}, a group without a circle (so its guarantees form a DAG). */
    private static int longestPath(List<Integer> m, List<List<Integer>> out) {
        Map<Integer, Integer> indegree = new HashMap<>();
        m.forEach(v -> indegree.put(v, 0));
        for (int v : m) {
            for (int t : out.get(v)) {
                indegree.merge(t, 1, Integer::sum);
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        Map<Integer, Integer> depth = new HashMap<>();
        for (int v : m) {
            if (indegree.get(v) == 0) {
                ready.add(v);
                depth.put(v, 0);
            }
        }
        int longest = 0;
        while (!ready.isEmpty()) {
            int v = ready.poll();
            int d = depth.get(v);
            longest = Math.max(longest, d);
            for (int t : out.get(v)) {
                depth.merge(t, d + 1, Math::max);
                if (indegree.merge(t, -1, Integer::sum) == 0) {
                    ready.add(t);
                }
            }
        }
        return longest;
    }

    /** Tarjan's strongly connected components, iteratively: the component number of each vertex. */
    private static int[] strongComponents(List<List<Integer>> out) {
        int n = out.size();
        int[] order = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        java.util.Arrays.fill(order, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        int[] next = new int[n];
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) {
                continue;
            }
            Deque<Integer> call = new ArrayDeque<>();
            call.push(root);
            order[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            while (!call.isEmpty()) {
                int v = call.peek();
                if (next[v] < out.get(v).size()) {
                    int w = out.get(v).get(next[v]++);
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        call.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                } else {
                    call.pop();
                    if (!call.isEmpty()) {
                        int parent = call.peek();
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == order[v]) {
                        int w;
                        do {
                            w = stack.pop();
                            onStack[w] = false;
                            component[w] = components;
                        } while (w != v);
                        components++;
                    }
                }
            }
        }
        return component;
    }
}
