package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.shared.Ratios;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * The monthly statement of the village terminals (金农便民宝): per terminal, its village and host shop, transactions,
 * successful ones, their amount and the shopkeeper's commission of {@link #COMMISSION_PER_TXN} yuan per successful transaction,
 * from {@code mart.device_daily}. A terminal without a transaction in the month is listed as sleeping.
 */
@Service
public class VillageStatements {

    /** What the village shopkeeper earns per successful terminal transaction, in yuan. */
    public static final BigDecimal COMMISSION_PER_TXN = new BigDecimal("0.50");

    private final Warehouse warehouse;
    private final ChannelReads reads;

    VillageStatements(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /** One terminal's month; {@code amount} (of successful transactions) and {@code commission} in yuan. */
    public record Line(
            String deviceId,
            String orgId,
            String location,
            String merchantId,
            String shop,
            long txns,
            long successful,
            BigDecimal amount,
            BigDecimal commission) {
        public boolean sleeping() {
            return txns == 0;
        }
    }

    public record Statement(
            int year,
            int month,
            LocalDate from,
            LocalDate to,
            List<Line> lines,
            long successful,
            BigDecimal amount,
            BigDecimal commission) {
        public boolean hasData() {
            return to != null;
        }
    }

    private record Terminal(
            String deviceId,
            String orgId,
            long txns,
            long successful,
            BigDecimal amount,
            String location,
            String merchantId,
            String merchantName) {}

    public Statement of(int year, int month, @Nullable String orgId, OrgScope scope) {
        OrgRows rows = reads.rows(orgId, scope);
        LocalDate first = LocalDate.of(year, month, 1);
        ChannelReads.DataDates dates = reads.dataDates(
                "channels/device_dates", first, first.plusMonths(1).minusDays(1));
        if (!dates.any()) {
            return empty(year, month);
        }
        List<Line> lines = new ArrayList<>();
        long successful = 0;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        for (Terminal t : warehouse
                .queries()
                .named("channels/village_terminals")
                .between(dates.firstDate(), dates.lastDate())
                .within(rows)
                .list(Terminal.class)) {
            successful += t.successful();
            amount = amount.add(t.amount());
            lines.add(new Line(
                    t.deviceId(),
                    t.orgId(),
                    t.location(),
                    t.merchantId(),
                    t.merchantName(),
                    t.txns(),
                    t.successful(),
                    t.amount(),
                    commission(t.successful())));
        }
        return new Statement(
                year,
                month,
                dates.firstDate(),
                dates.lastDate(),
                List.copyOf(lines),
                successful,
                amount,
                commission(successful));
    }

    private static Statement empty(int year, int month) {
        return new Statement(
                year, month, null, null, List.of(), 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
    }

    /** What the shopkeeper earns for {@code successful} transactions, in yuan. */
    static BigDecimal commission(long successful) {
        return Ratios.round(COMMISSION_PER_TXN.multiply(BigDecimal.valueOf(successful)), 2);
    }
}
