package org.ruralbank.points;

import org.ruralbank.testing.OnPostgres;

@OnPostgres
class AccrualOnPostgresTest extends AccrualContract {}
