package org.ruralbank.directconnect;

import java.time.LocalDate;
import java.util.List;
import org.ruralbank.directconnect.internal.Payments;
import org.springframework.stereotype.Service;

/**
 * The clearing hand-off of inter-bank payments: they wait, their amount reserved, until the clearing settles them
 * (the reservation is posted) or returns them (it is voided and the payment is rejected). A reservation nobody
 * resolves expires at the end of day after its timeout.
 */
@Service
public class Clearing {

    private final Payments payments;

    Clearing(Payments payments) {
        this.payments = payments;
    }

    /** Instruction ids of inter-bank payments waiting for the clearing. */
    public List<Long> waiting() {
        return payments.openClearing();
    }

    /** Settles or returns one payment; the outcome says whether it applied. */
    public CoreBanking.Outcome result(long instructionId, boolean settled, String actor, LocalDate businessDate) {
        return payments.clearingResult(instructionId, settled, actor, businessDate);
    }
}
