package org.ruralbank.points.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ruralbank.platform.OneCallLanes;
import org.ruralbank.points.internal.JdbcPartners.Redeemed;
import org.ruralbank.points.internal.JdbcPartners.Redemption;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counter redemptions as calls of the database's {@code pt_redeem} (PostgreSQL, see {@link JdbcPartners#redeem}):
 * one alone, or the redemptions arriving together written in one statement, by lane, a merchant's always in the
 * same one ({@link OneCallLanes}), as the direct connection writes its single payments. Inside a shared transaction
 * each redemption's nonce, its order's claim, its code, its posting and its answer are its own statements, in the same
 * lock order as alone (the order row, the code row, account rows in account order, lots); a twin of an order in the
 * same statement finds the order claimed and answered, as it would after the first's commit.
 */
final class OneCallRedemptions {

    private static final String PT_REDEEM = """
            select outcome, customer, stored_digest, answer
              from pt_redeem(:p, :n, :now, :o, :d, :pts, :card, :hash, :used, :m, :t, :date, :now,
                             :ok, :codeRefusal, :pointsRefusal)
            """;

    /** A redemption and the moment it is written at. */
    private record At(Redemption redemption, Instant now) {}

    private final OneCallLanes<At, Redeemed> lanes;

    OneCallRedemptions(JdbcClient db) {
        this.lanes = new OneCallLanes<>(
                db,
                PT_REDEEM,
                OneCallRedemptions::params,
                at -> at.redemption().partnerId(),
                (at, rs) -> new Redeemed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** The redemption as one call of {@code pt_redeem}, in the caller's transaction if there is one. */
    Redeemed alone(Redemption r, Instant now) {
        return lanes.alone(new At(r, now));
    }

    /** The redemption written with the others of its lane waiting at the same moment ({@link OneCallLanes#together}). */
    Redeemed together(Redemption r, Instant now) {
        return lanes.together(new At(r, now));
    }

    /** Writes the redemptions in one statement as a lane's writer does (for tests). */
    List<Object> writtenTogether(List<Redemption> redemptions, Instant now) {
        return lanes.writtenTogether(
                redemptions.stream().map(r -> new At(r, now)).toList());
    }

    private static Map<String, Object> params(At at) {
        Redemption r = at.redemption();
        Instant now = at.now();
        Map<String, Object> p = new HashMap<>();
        p.put("p", r.partnerId());
        p.put("n", r.nonce());
        p.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        p.put("o", r.orderId());
        p.put("d", r.requestDigest());
        p.put("pts", r.points());
        p.put("card", r.cardNo());
        p.put("hash", r.codeHash());
        p.put("used", r.usedBy());
        p.put("m", r.merchantAccount());
        p.put("t", r.transferId());
        p.put("date", r.businessDate());
        p.put("ok", r.redeemedAnswer());
        p.put("codeRefusal", r.codeRefusal());
        p.put("pointsRefusal", r.pointsRefusal());
        return p;
    }
}
