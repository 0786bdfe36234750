package org.ruralbank.points;

import org.ruralbank.testing.OnH2;

@OnH2
class AccrualOnH2Test extends AccrualContract {}
