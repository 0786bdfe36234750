package org.ruralbank.platform;

import org.ruralbank.testing.OnPostgres;

@OnPostgres
class PlatformStoreOnPostgresTest extends PlatformStoreContract {}
