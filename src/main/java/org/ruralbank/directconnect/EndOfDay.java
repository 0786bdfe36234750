package org.ruralbank.directconnect;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ruralbank.directconnect.internal.LedgerCoreBanking;
import org.ruralbank.directconnect.internal.Pools;
import org.ruralbank.shared.Money;
import org.springframework.stereotype.Service;

/**
 * The direct connection's end-of-day work for a business date: every cash pool runs once (run key
 * {@code EOD-<date>}, so a rerun moves nothing twice) and inter-bank reservations past their timeout expire.
 */
@Service
public class EndOfDay {

    private final Pools pools;
    private final LedgerCoreBanking ledger;
    private final Clock clock;

    EndOfDay(Pools pools, LedgerCoreBanking ledger, Clock clock) {
        this.pools = pools;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Runs the end of day and returns one line per pool run and per expired reservation. */
    public List<String> run(LocalDate businessDate) {
        List<String> report = new ArrayList<>();
        for (Pools.Run run : pools.endOfDay(businessDate)) {
            long moved = run.sweeps().stream()
                    .filter(s -> !"NONE".equals(s.direction()))
                    .mapToLong(Pools.Sweep::amountFen)
                    .sum();
            report.add("pool " + run.poolId() + " run " + run.runKey() + ": "
                    + run.sweeps().size() + " members, " + Money.yuanText(moved) + " yuan moved");
        }
        for (String pending : ledger.expiredPending(clock.instant())) {
            CoreBanking.Outcome o = ledger.resolve(pending + "-EXPIRE", pending, CoreBanking.Kind.EXPIRE, businessDate);
            report.add("reservation " + pending + " expired: " + o);
        }
        return report;
    }
}
