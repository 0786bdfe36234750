package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.ruralbank.warehouse.WarehouseQueries;
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
    private final ChannelReads reads;

    DeviceFigures(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /**
     * One device over the period: {@code txns} and the card counts include failed transactions, the kinds count
     * successful ones; {@code ownCards} are transactions with the bank's own cards, {@code otherCards} with cards of
     * other banks, the rural-credit network (农信银) included; amounts in yuan, of successful transactions.
     */
    public record Device(
            String deviceId,
            String type,
            String orgId,
            String location,
            String offsite,
            String status,
            long txns,
            long withdrawals,
            long deposits,
            long transfers,
            long failures,
            long ownCards,
            long otherCards,
            BigDecimal amount,
            BigDecimal feeIncome,
            BigDecimal cashWithdrawn,
            BigDecimal cashPerDay,
            boolean idle) {}

    /** Totals of one device type. */
    public record Kind(
            String type, long devices, long idle, long txns, long failures, BigDecimal amount, BigDecimal feeIncome) {}

    /** Totals of the devices in a branch ({@code offsite} false) or off-site (true) at the period's end. */
    public record Site(boolean offsite, long devices, long idle, long txns, BigDecimal amount) {}

    /** Failed transactions with one error code, most frequent first. */
    public record Failure(String errorCode, long failures) {}

    public record View(
            ChannelPeriod.Filter filter,
            LocalDate from,
            LocalDate to,
            long days,
            List<Device> devices,
            List<Kind> kinds,
            List<Site> sites,
            List<Failure> failures) {
        public boolean hasData() {
            return to != null;
        }
    }

    private record DeviceRow(
            String deviceId,
            String deviceType,
            String orgId,
            String location,
            String offsite,
            String status,
            long txns,
            long withdrawals,
            long deposits,
            long transfers,
            long failures,
            BigDecimal amount,
            BigDecimal feeIncome,
            BigDecimal cash) {}

    private record CardRow(String deviceId, long ownCards, long otherCards) {}

    public View of(ChannelPeriod.Filter filter, OrgScope scope) {
        OrgRows rows = reads.rows(filter.orgId(), scope);
        ChannelReads.DataDates dates = reads.dataDates("channels/device_dates", filter.from(), filter.to());
        if (!dates.any()) {
            return new View(filter, null, null, 0, List.of(), List.of(), List.of(), List.of());
        }
        WarehouseQueries queries = warehouse.queries();
        // a warehouse built before device_txn_daily existed has no card split or error codes until it is rebuilt;
        // its devices are still shown
        Map<String, CardRow> cards = queries
                .named("channels/device_cards_by_device")
                .between(dates.firstDate(), dates.lastDate())
                .within(rows)
                .list(CardRow.class)
                .stream()
                .collect(Collectors.toMap(CardRow::deviceId, Function.identity()));
        long days = dates.days();
        List<Device> devices = new ArrayList<>();
        for (DeviceRow r : queries.named("channels/devices_by_device")
                .between(dates.firstDate(), dates.lastDate())
                .within(rows)
                .list(DeviceRow.class)) {
            CardRow k = cards.getOrDefault(r.deviceId(), new CardRow(r.deviceId(), 0, 0));
            devices.add(new Device(
                    r.deviceId(),
                    r.deviceType(),
                    r.orgId(),
                    r.location(),
                    r.offsite(),
                    r.status(),
                    r.txns(),
                    r.withdrawals(),
                    r.deposits(),
                    r.transfers(),
                    r.failures(),
                    k.ownCards(),
                    k.otherCards(),
                    r.amount(),
                    r.feeIncome(),
                    r.cash(),
                    Ratios.average(r.cash(), days, 2),
                    r.txns() == 0));
        }
        List<Failure> failures = queries.named("channels/device_failures_by_code")
                .between(dates.firstDate(), dates.lastDate())
                .within(rows)
                .list(Failure.class);
        return new View(
                filter,
                dates.firstDate(),
                dates.lastDate(),
                days,
                List.copyOf(devices),
                kinds(devices),
                sites(devices),
                failures);
    }

    private static List<Kind> kinds(List<Device> devices) {
        Map<String, List<Device>> byType = new LinkedHashMap<>();
        devices.forEach(
                d -> byType.computeIfAbsent(d.type(), x -> new ArrayList<>()).add(d));
        List<Kind> kinds = new ArrayList<>();
        byType.forEach((type, ds) -> kinds.add(new Kind(
                type,
                ds.size(),
                ds.stream().filter(Device::idle).count(),
                ds.stream().mapToLong(Device::txns).sum(),
                ds.stream().mapToLong(Device::failures).sum(),
                sum(ds, Device::amount),
                sum(ds, Device::feeIncome))));
        return List.copyOf(kinds);
    }

    private static List<Site> sites(List<Device> devices) {
        List<Site> sites = new ArrayList<>();
        for (boolean offsite : new boolean[] {false, true}) {
            List<Device> ds = devices.stream()
                    .filter(d -> "Y".equals(d.offsite()) == offsite)
                    .toList();
            sites.add(new Site(
                    offsite,
                    ds.size(),
                    ds.stream().filter(Device::idle).count(),
                    ds.stream().mapToLong(Device::txns).sum(),
                    sum(ds, Device::amount)));
        }
        return List.copyOf(sites);
    }

    private static BigDecimal sum(List<Device> devices, Function<Device, BigDecimal> value) {
        return devices.stream().map(value).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
