package org.ruralbank.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests that each are one call of a database function (PostgreSQL: the direct connection's {@code dc_pay}, the
 * points' {@code pt_redeem}), written one alone or, when several arrive at the same moment, together in one
 * statement.
 *
 * <p>Requests are written by lane, the requests of one key (an enterprise, a merchant) always in the same lane. At
 * most one thread writes a lane's requests at a time: the thread of a request that finds its lane free writes every
 * request waiting in it (at most {@link #TOGETHER}) as one statement, one transaction with one commit, and hands each
 * its answer; the others wait for it. A request that finds no one waiting is written alone, at once. Under load the
 * commit (the WAL flush every request must wait for) is shared by the requests that queued meanwhile, and a busy
 * key's rows are updated by one transaction after the other instead of by requests queuing on their locks. Each
 * request keeps its own guarantees inside the shared transaction, since its function call does all of its work, in
 * its own lock order, as alone. If the shared statement fails (an error, or a deadlock with another lane's
 * transaction that takes rows in another order) nothing of it is kept and each request is written alone.
 *
 * @param <C> a request ready for the call
 * @param <A> what the call answered for it
 */
public final class OneCallLanes<C, A> {

    /** The most requests written in one statement. */
    public static final int TOGETHER = 32;

    /** Lanes (each holds at most one connection at a time). */
    public static final int LANES = 4;

    /** A named parameter ({@code :name}; not a cast's {@code ::type}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    /** Reads a request's answer from its row of the call. */
    public interface Answer<C, A> {
        A read(C request, ResultSet row) throws SQLException;
    }

    private final JdbcClient db;
    /** The call's parameters in the order of their places (a name used twice is there twice). */
    private final List<String> names = new ArrayList<>();
    /**
     * The statement of {@code n} calls at {@code [n]}, the parameters as places ({@code ?}): for more than one, the
     * calls joined by {@code union all}, each row with its call's index as the last column; PostgreSQL runs them one
     * after the other in one transaction.
     */
    private final String[] statements = new String[TOGETHER + 1];

    private final Function<C, Map<String, Object>> params;
    private final Function<C, Object> laneKey;
    private final Answer<C, A> answer;
    private final List<Lane> lanes = new ArrayList<>();

    /**
     * @param call the statement of one call ({@code select ... from f(:a, :b, ...)}), its parameters named
     * @param params a request's parameters by name
     * @param laneKey what decides a request's lane
     * @param answer a request's answer from its row
     */
    public OneCallLanes(
            JdbcClient db,
            String call,
            Function<C, Map<String, Object>> params,
            Function<C, Object> laneKey,
            Answer<C, A> answer) {
        this.db = db;
        this.params = params;
        this.laneKey = laneKey;
        this.answer = answer;
        for (int i = 0; i < LANES; i++) {
            lanes.add(new Lane());
        }
        Matcher m = PARAMETER.matcher(call);
        while (m.find()) {
            names.add(m.group(1));
        }
        // the statements are built once: under load a lane writes thousands a second, and binding by place spares
        // each the parsing and the maps of named parameters (docs/benchmarks.md)
        String one = m.replaceAll("?");
        statements[1] = one;
        for (int n = 2; n <= TOGETHER; n++) {
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "" : " union all ")
                        .append("select c.*, ")
                        .append(i)
                        .append(" from (")
                        .append(one)
                        .append(") c");
            }
            statements[n] = sql.toString();
        }
    }

    /** The request as one call, in the caller's transaction if there is one. */
    public A alone(C request) {
        return db.sql(statements[1])
                .params(values(List.of(request)))
                .query((rs, i) -> answer.read(request, rs))
                .single();
    }

    /**
     * The request written with the others of its lane waiting at the same moment, in one statement that commits by
     * itself (never in a caller's transaction). Throws what writing the request threw.
     */
    @SuppressWarnings("unchecked")
    public A together(C request) {
        Lane lane = lanes.get(Math.floorMod(laneKey.apply(request).hashCode(), LANES));
        Waiting mine = new Waiting(request);
        lane.waiting.add(mine);
        while (mine.answer == null) {
            if (lane.writing.compareAndSet(false, true)) {
                List<Waiting> batch = new ArrayList<>();
                try {
                    for (Waiting w; batch.size() < TOGETHER && (w = lane.waiting.poll()) != null; ) {
                        batch.add(w);
                    }
                    write(batch);
                } catch (RuntimeException | Error e) {
                    // nobody may be left waiting for an answer that will not come: each is given the failure
                    for (Waiting w : batch) {
                        if (w.answer == null) {
                            w.answer(new IllegalStateException("the request was not written", e));
                        }
                    }
                } finally {
                    lane.writing.set(false);
                    // the lane is free again: the first request still waiting in it writes next
                    Waiting next = lane.waiting.peek();
                    if (next != null) {
                        LockSupport.unpark(next.thread);
                    }
                }
            } else {
                LockSupport.park(lane);
            }
        }
        if (mine.answer instanceof RuntimeException e) {
            throw e;
        }
        return (A) mine.answer;
    }

    /** Writes the requests in one statement as a lane's writer does (for tests): each one's answer or what it threw. */
    public List<Object> writtenTogether(List<C> requests) {
        List<Waiting> batch = requests.stream().map(Waiting::new).toList();
        write(batch);
        return batch.stream().map(w -> (Object) w.answer).toList();
    }

    /** Writes the requests in one statement, or one by one if that fails. */
    private void write(List<Waiting> batch) {
        if (batch.size() > 1) {
            List<@Nullable A> answers = new ArrayList<>(Collections.nCopies(batch.size(), null));
            boolean written;
            try {
                db.sql(statements[batch.size()])
                        .params(values(batch.stream().map(w -> w.request).toList()))
                        .query(rs -> {
                            // the request's index, the column after the call's
                            int i = rs.getInt(rs.getMetaData().getColumnCount());
                            answers.set(i, answer.read(batch.get(i).request, rs));
                        });
                written = true;
            } catch (RuntimeException failed) {
                written = false;
            }
            if (written) {
                for (int i = 0; i < batch.size(); i++) {
                    A a = answers.get(i);
                    batch.get(i)
                            .answer(a != null ? a : new IllegalStateException("the call gave no row for a request"));
                }
                return;
            }
        }
        for (Waiting w : batch) {
            Object a;
            try {
                a = alone(w.request);
            } catch (RuntimeException e) {
                a = e;
            }
            w.answer(a);
        }
    }

    /** The requests' parameters in the order of the places of their calls, one call after the other. */
    private List<@Nullable Object> values(List<C> requests) {
        List<@Nullable Object> values = new ArrayList<>(requests.size() * names.size());
        for (C request : requests) {
            Map<String, Object> p = params.apply(request);
            for (String name : names) {
                if (!p.containsKey(name)) {
                    throw new IllegalArgumentException("no value for the parameter :" + name);
                }
                values.add(p.get(name));
            }
        }
        return values;
    }

    private final class Lane {
        final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean writing = new AtomicBoolean();
    }

    /** A request waiting in its lane, and then its answer or what was thrown. */
    private final class Waiting {
        final C request;
        final Thread thread = Thread.currentThread();
        volatile @Nullable Object answer;

        Waiting(C request) {
            this.request = request;
        }

        void answer(Object a) {
            answer = a;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }
    }
}
