package org.ruralbank.directconnect;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The business date partner requests are booked on: the calendar date in China at the moment of the request.
 * Everything below this class takes the business date as an explicit parameter.
 */
@Component
public class BusinessCalendar {

    public static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    BusinessCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(BANK_ZONE));
    }
}
