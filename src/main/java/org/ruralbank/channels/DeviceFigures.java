package org.ruralbank.channels;

import static org.ruralbank.channels.WarehouseValues.count;
import static org.ruralbank.channels.WarehouseValues.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.platform.Orgs;
import org.ruralbank.warehouse.QueryResult;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseEngine;
import org.springframework.stereotype.Service;

/**
 * Self-service devices and village terminals over a period for an org subtree within the user's scope, from
 * {@code mart.device_daily}, {@code mart.device_txn_daily} and {@code mart.atm_cash_daily}: each device's
 * transactions by kind and by card (own or other bank's), amounts, failures, fee income, cash withdrawn per day, and
 * whether it stood idle (no transaction in the period); totals by type and by site (in a branch or off-site), and
 * failures by error code.
 */
@Service
public class DeviceFigures {

    private final Warehouse warehouse;
    private final Orgs orgs;

    DeviceFigures(Warehouse warehouse, Orgs orgs) {
        this.warehouse = warehouse;
        this.orgs = orgs;
    }

    /**
     * One device over the period: {@code txns} and the card counts include failed transactions, the kinds count
     * successful ones; {@code ownCards} are transactions with the bank's own cards, {@code otherCards} with cards of
     * other banks, the rural-credit network (农信银) included; amounts in yuan, of successful transactions.
     */
    public record Device(String deviceId, String type, String orgId, String location, String offsite, String status,
            long txns, long withdrawals, long deposits, long transfers, long failures, long ownCards, long otherCards,
            BigDecimal amount, BigDecimal feeIncome, BigDecimal cashWithdrawn, BigDecimal cashPerDay, boolean idle) {
    }

    /** Totals of one device type. */
    public record Kind(String type, long devices, long idle, long txns, long failures, BigDecimal amount,
            BigDecimal feeIncome) {
    }

    /** Totals of the devices in a branch ({@code offsite} false) or off-site (true) at the period's end. */
    public record Site(boolean offsite, long devices, long idle, long txns, BigDecimal amount) {
    }

    /** Failed transactions with one error code, most frequent first. */
    public record Failure(String errorCode, long failures) {
    }

    public record View(CardFigures.Filter filter, LocalDate from, LocalDate to, long days, List<Device> devices,
            List<Kind> kinds, List<Site> sites, List<Failure> failures) {
        public boolean hasData() {
            return to != null;
        }
    }

    public View of(CardFigures.Filter filter, OrgScope scope) {
        WarehouseEngine e = warehouse.engine();
        OrgScope.Condition c = OrgFilter.of(orgs, scope, "m.org_path", filter.orgId());
        Map<String, Object> p = new LinkedHashMap<>(c.params());
        String where = c.sql();
        if (e.columns("mart", "device_daily").isEmpty() || e.columns("mart", "atm_cash_daily").isEmpty()) {
            return new View(filter, null, null, 0, List.of(), List.of(), List.of(), List.of());
        }
        // a warehouse built before device_txn_daily existed has no card split or error codes until it is rebuilt;
        // its devices are still shown
        boolean detail = !e.columns("mart", "device_txn_daily").isEmpty();
        p.put("f", filter.from());
        p.put("t", filter.to());
        QueryResult span = e.query("select min(biz_date) f, max(biz_date) t, count(distinct biz_date) d "
                + "from mart.device_daily where biz_date between :f and :t", p, 1);
        if (span.rows().isEmpty() || span.get(0, "t") == null) {
            return new View(filter, null, null, 0, List.of(), List.of(), List.of(), List.of());
        }
        LocalDate from = date(span.get(0, "f"));
        LocalDate to = date(span.get(0, "t"));
        long days = count(span.get(0, "d"));
        p.put("f", from);
        p.put("t", to);
        QueryResult r = e.query("""
                with cash as (
                    select device_id, sum(wdl_amount) as wdl_amount from mart.atm_cash_daily
                     where biz_date between :f and :t group by device_id
                ),
                info as (
                    select device_id, location from dw.dim_device where valid_from <= :t and valid_to >= :t
                ),
                cards as (""" + (detail ? """
                    select m.device_id,
                           cast(sum(case when m.card_issuer = 'OWN' then m.txn_count else 0 end) as bigint) as own_cards,
                           cast(sum(case when m.card_issuer <> 'OWN' then m.txn_count else 0 end) as bigint) as other_cards
                      from mart.device_txn_daily m
                     where m.biz_date between :f and :t and """ + where + """

                     group by m.device_id""" : """
                    select '' as device_id, 0 as own_cards, 0 as other_cards where 1 = 0""") + """
                ),
                per_device as (
                    select m.device_id, max(case when m.biz_date = :t then m.device_type end) as device_type,
                           max(m.device_type) as any_type, max(m.org_id) as org_id,
                           max(case when m.biz_date = :t then m.offsite end) as offsite,
                           max(case when m.biz_date = :t then m.status end) as status,
                           cast(sum(m.txn_count) as bigint) as txns, cast(sum(m.withdrawals) as bigint) as withdrawals,
                           cast(sum(m.deposits) as bigint) as deposits, cast(sum(m.transfers) as bigint) as transfers,
                           cast(sum(m.failures) as bigint) as failures,
                           cast(sum(m.amount) as decimal(18, 2)) as amount,
                           cast(sum(m.fee_income) as decimal(18, 2)) as fee_income
                      from mart.device_daily m
                     where m.biz_date between :f and :t and """ + where + """

                     group by m.device_id
                )
                select d.*, i.location, cast(coalesce(c.wdl_amount, 0) as decimal(18, 2)) as cash,
                       coalesce(k.own_cards, 0) as own_cards, coalesce(k.other_cards, 0) as other_cards
                  from per_device d left join cash c on c.device_id = d.device_id
                  left join info i on i.device_id = d.device_id
                  left join cards k on k.device_id = d.device_id
                 order by d.org_id, d.device_id""", p, 100_000);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            String type = (String) (r.get(i, "device_type") != null ? r.get(i, "device_type") : r.get(i, "any_type"));
            long txns = count(r.get(i, "txns"));
            BigDecimal cash = (BigDecimal) r.get(i, "cash");
            devices.add(new Device((String) r.get(i, "device_id"), type, (String) r.get(i, "org_id"),
                    (String) r.get(i, "location"), (String) r.get(i, "offsite"), (String) r.get(i, "status"), txns,
                    count(r.get(i, "withdrawals")), count(r.get(i, "deposits")), count(r.get(i, "transfers")),
                    count(r.get(i, "failures")), count(r.get(i, "own_cards")), count(r.get(i, "other_cards")),
                    (BigDecimal) r.get(i, "amount"), (BigDecimal) r.get(i, "fee_income"), cash,
                    days == 0 ? null : cash.divide(BigDecimal.valueOf(days), 2, AnnualReport.ROUNDING), txns == 0));
        }
        return new View(filter, from, to, days, List.copyOf(devices), kinds(devices), sites(devices),
                detail ? failures(e, where, p) : List.of());
    }

    private static List<Kind> kinds(List<Device> devices) {
        Map<String, List<Device>> byType = new LinkedHashMap<>();
        devices.forEach(d -> byType.computeIfAbsent(d.type(), x -> new ArrayList<>()).add(d));
        List<Kind> kinds = new ArrayList<>();
        byType.forEach((type, ds) -> kinds.add(new Kind(type, ds.size(), ds.stream().filter(Device::idle).count(),
                ds.stream().mapToLong(Device::txns).sum(), ds.stream().mapToLong(Device::failures).sum(),
                sum(ds, Device::amount), sum(ds, Device::feeIncome))));
        return List.copyOf(kinds);
    }

    private static List<Site> sites(List<Device> devices) {
        List<Site> sites = new ArrayList<>();
        for (boolean offsite : new boolean[] {false, true}) {
            List<Device> ds = devices.stream().filter(d -> "Y".equals(d.offsite()) == offsite).toList();
            sites.add(new Site(offsite, ds.size(), ds.stream().filter(Device::idle).count(),
                    ds.stream().mapToLong(Device::txns).sum(), sum(ds, Device::amount)));
        }
        return List.copyOf(sites);
    }

    private static BigDecimal sum(List<Device> devices, java.util.function.Function<Device, BigDecimal> value) {
        return devices.stream().map(value).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static List<Failure> failures(WarehouseEngine e, String where, Map<String, Object> p) {
        QueryResult r = e.query("select coalesce(m.error_code, '') as error_code, cast(sum(m.txn_count) as bigint) as n "
                + "from mart.device_txn_daily m where m.biz_date between :f and :t and m.status = 'F' and " + where
                + " group by 1 order by n desc, error_code", p, 1_000);
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            failures.add(new Failure((String) r.get(i, "error_code"), count(r.get(i, "n"))));
        }
        return List.copyOf(failures);
    }
}
