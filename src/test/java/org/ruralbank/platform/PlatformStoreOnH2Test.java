package org.ruralbank.platform;

import org.ruralbank.testing.OnH2;

@OnH2
class PlatformStoreOnH2Test extends PlatformStoreContract {}
