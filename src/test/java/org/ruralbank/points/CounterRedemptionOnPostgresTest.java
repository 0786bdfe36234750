package org.ruralbank.points;

import org.ruralbank.testing.OnPostgres;

@OnPostgres
class CounterRedemptionOnPostgresTest extends CounterRedemptionContract {

    @Override
    boolean oneCall() {
        return true;
    }
}
