package org.ruralbank.directconnect;

import org.ruralbank.testing.OnH2;

@OnH2
class TreasuryOnH2Test extends TreasuryContract {}
