package org.ruralbank.points;

import org.ruralbank.testing.OnH2;

@OnH2
class PointsLedgerOnH2Test extends PointsLedgerContract {}
