package org.ruralbank.points;

import org.ruralbank.testing.OnPostgres;

@OnPostgres
class PointsLedgerOnPostgresTest extends PointsLedgerContract {}
