package org.ruralbank.directconnect;

import org.ruralbank.testing.OnPostgres;

@OnPostgres
class TreasuryOnPostgresTest extends TreasuryContract {}
