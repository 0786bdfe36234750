package org.ruralbank.channels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.ruralbank.platform.OrgScope;
import org.ruralbank.warehouse.OrgRows;
import org.ruralbank.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * Online and mobile banking month by month for a year and an org subtree within the user's scope, from
 * {@code mart.ebank_org_daily}: users at the month's last loaded date and signed in the month (personal, corporate,
 * mobile), active in the month (at least one successful transaction), and successful transfers by kind with their
 * amounts. Users count at their signing org.
 */
@Service
public class OnlineBankingFigures {

    private final Warehouse warehouse;
    private final ChannelReads reads;

    OnlineBankingFigures(Warehouse warehouse, ChannelReads reads) {
        this.warehouse = warehouse;
        this.reads = reads;
    }

    /** Users of one kind on the month's last data date: all, signed in the month, with a successful transaction in it. */
    public record Users(long total, long signed, long active) {}

    /** Successful transfers of one month by kind (intra-bank, inter-bank, rural-credit network 农信银); yuan. */
    public record Transfers(
            long intra, BigDecimal intraAmount, long inter, BigDecimal interAmount, long nxy, BigDecimal nxyAmount) {
        public long count() {
            return intra + inter + nxy;
        }

        public BigDecimal amount() {
            return intraAmount.add(interAmount).add(nxyAmount);
        }
    }

    /** One month: personal, corporate and mobile users; personal and corporate transfers; mobile transactions. */
    public record Month(
            int month,
            Users pnet,
            Users cnet,
            Users mob,
            Transfers pnetTransfers,
            Transfers cnetTransfers,
            long mobTransfers,
            BigDecimal mobAmount) {}

    private record MonthRow(
            int month,
            long pnetUsers,
            long pnetYtd,
            long cnetUsers,
            long cnetYtd,
            long mobUsers,
            long mobYtd,
            long pnetActive,
            long cnetActive,
            long mobActive,
            long pnetIntrCount,
            BigDecimal pnetIntrAmount,
            long pnetInteCount,
            BigDecimal pnetInteAmount,
            long pnetNxyCount,
            BigDecimal pnetNxyAmount,
            long cnetIntrCount,
            BigDecimal cnetIntrAmount,
            long cnetInteCount,
            BigDecimal cnetInteAmount,
            long cnetNxyCount,
            BigDecimal cnetNxyAmount,
            long mobTransfers,
            BigDecimal mobAmount) {}

    public List<Month> of(int year, @Nullable String orgId, OrgScope scope) {
        OrgRows rows = reads.rows(orgId, scope);
        List<MonthRow> rs = warehouse
                .queries()
                .named("channels/online_banking_by_month")
                .between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .within(rows)
                .list(MonthRow.class);
        List<Month> months = new ArrayList<>();
        // new users are those signed this year on the month's last date less those of the month before, so the year's
        // first loaded month counts every sign-up of the year up to it
        MonthRow prev = null;
        for (MonthRow r : rs) {
            months.add(new Month(
                    r.month(),
                    new Users(r.pnetUsers(), r.pnetYtd() - (prev == null ? 0 : prev.pnetYtd()), r.pnetActive()),
                    new Users(r.cnetUsers(), r.cnetYtd() - (prev == null ? 0 : prev.cnetYtd()), r.cnetActive()),
                    new Users(r.mobUsers(), r.mobYtd() - (prev == null ? 0 : prev.mobYtd()), r.mobActive()),
                    new Transfers(
                            r.pnetIntrCount(),
                            r.pnetIntrAmount(),
                            r.pnetInteCount(),
                            r.pnetInteAmount(),
                            r.pnetNxyCount(),
                            r.pnetNxyAmount()),
                    new Transfers(
                            r.cnetIntrCount(),
                            r.cnetIntrAmount(),
                            r.cnetInteCount(),
                            r.cnetInteAmount(),
                            r.cnetNxyCount(),
                            r.cnetNxyAmount()),
                    r.mobTransfers(),
                    r.mobAmount()));
            prev = r;
        }
        return List.copyOf(months);
    }
}
