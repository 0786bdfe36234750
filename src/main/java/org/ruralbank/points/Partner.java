package org.ruralbank.points;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A partner that spends customers' points: an e-commerce partner or an alliance merchant. */
public record Partner(
        String partnerId,
        String partnerName,
        String kind,
        String orgPath,
        String accountNo,
        int pointsPerYuan,
        String algorithm,
        String publicKey,
        LocalDate joinedOn,
        @Nullable LocalDate leftOn) {

    public boolean memberOn(LocalDate date) {
        return !date.isBefore(joinedOn) && (leftOn == null || date.isBefore(leftOn));
    }
}
