package org.ruralbank.points;

import org.ruralbank.testing.OnH2;

@OnH2
class CounterRedemptionOnH2Test extends CounterRedemptionContract {

    @Override
    boolean oneCall() {
        return false;
    }
}
