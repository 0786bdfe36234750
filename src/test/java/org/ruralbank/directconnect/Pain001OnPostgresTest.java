package org.ruralbank.directconnect;

import org.ruralbank.testing.OnPostgres;

@OnPostgres
class Pain001OnPostgresTest extends Pain001Contract {}
