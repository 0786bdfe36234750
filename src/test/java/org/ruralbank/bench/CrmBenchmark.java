package org.ruralbank.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ruralbank.crm.Customers;
import org.ruralbank.crm.Relationships;
import org.ruralbank.crm.Tiers;
import org.ruralbank.platform.AuditLog;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.Warehouse;

/**
 * Times CRM's reads on a loaded home (a {@code seed} bank, say) in one JVM, as the pages run them: the search by a
 * surname, an ID number, a mobile, an account and a card number, the customer whole (every query of the 360 page),
 * the relationship graph around a customer (the sample's, and the 15 customers with the most relationships), and the
 * guarantee circles of the whole bank. 3 warm-up rounds, then 15 timed; the figures leave out rendering.
 *
 * <pre>
 * mvn -q -o -DskipTests package && mvn -q -o test-compile
 * java -cp target/test-classes:target/classes:$(cat target/classpath) org.ruralbank.bench.CrmBenchmark HOME
 * </pre>
 * Not a test: it prints figures for docs/benchmarks.md. The home must not be served by another process.
 */
public final class CrmBenchmark {

    private static final int WARM_UP = 3;
    private static final int TIMED = 15;

    private CrmBenchmark() {}

    public static void main(String[] args) {
        try (Warehouse warehouse = Warehouse.under(Path.of(args[0]), true)) {
            Customers customers = new Customers(warehouse, new NoAudit(), Tiers.standard(), Clock.systemUTC());
            LocalDate date = customers.lastDate();
            List<List<Object>> sample = warehouse
                    .engine()
                    .query(
                            "select c.cust_id, c.id_no, c.mobile, a.acct_no, k.card_no from dw.dim_customer c"
                                    + " join dw.dim_deposit_account a on a.cust_id = c.cust_id and a.valid_to = date '9999-12-31'"
                                    + " join dw.dim_card k on k.acct_no = a.acct_no and k.valid_to = date '9999-12-31'"
                                    + " join dw.dim_loan l on l.cust_id = c.cust_id and l.valid_to = date '9999-12-31'"
                                    + " where c.valid_to = date '9999-12-31' and c.cust_type = 'P' and c.mobile is not null"
                                    + " order by hash(c.cust_id) limit 15",
                            15)
                    .rows();
            long customerCount = ((Number) warehouse
                            .engine()
                            .query("select count(*) from dw.dim_customer where valid_to = date '9999-12-31'", 1)
                            .rows()
                            .get(0)
                            .get(0))
                    .longValue();
            System.out.println("date " + date + ", " + customerCount + " customers, sample of " + sample.size());
            OrgScope all = OrgScope.everything();
            report("search surname 王", i -> customers.search("王", all));
            report(
                    "search ID number",
                    i -> customers.search((String) sample.get(i).get(1), all));
            report("search mobile", i -> customers.search((String) sample.get(i).get(2), all));
            report(
                    "search account",
                    i -> customers.search((String) sample.get(i).get(3), all));
            report("search card", i -> customers.search((String) sample.get(i).get(4), all));
            report(
                    "360 of a customer",
                    i -> customers.view((String) sample.get(i).get(0), date, all));
            report(
                    "graph of a customer",
                    i -> customers.graph((String) sample.get(i).get(0), date, all, List::of));
            List<List<Object>> connected = warehouse
                    .engine()
                    .query(
                            "select cust_id from (select from_cust_id as cust_id from mart.crm_relation where biz_date = ?"
                                    + " union all select to_cust_id from mart.crm_relation where biz_date = ?)"
                                    + " group by cust_id order by count(*) desc, cust_id limit 15",
                            List.of(date, date),
                            15)
                    .rows();
            report(
                    "graph, most related",
                    i -> customers.graph((String) connected.get(i).get(0), date, all, List::of));
            report("guarantee circles", i -> Relationships.circles(warehouse.queries(), date, all));
        }
    }

    interface Read {
        Object run(int i);
    }

    private static void report(String what, Read read) {
        for (int i = 0; i < WARM_UP; i++) {
            read.run(i);
        }
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < TIMED; i++) {
            long t = System.nanoTime();
            read.run(i);
            ms.add((System.nanoTime() - t) / 1_000_000);
        }
        Collections.sort(ms);
        System.out.printf(
                "%-22s median %5d ms  p90 %5d ms  max %5d ms%n",
                what, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.9)), ms.get(ms.size() - 1));
    }

    /** The benchmark reads only; nothing is audited. */
    private static final class NoAudit implements AuditLog {
        @Override
        public void record(
                String action, String targetType, String targetId, Map<String, ?> before, Map<String, ?> after) {}

        @Override
        public void recordAs(
                String actor,
                String actorOrgPath,
                String action,
                Outcome outcome,
                String targetType,
                String targetId,
                Map<String, ?> before,
                Map<String, ?> after) {}
    }
}
