package org.ruralbank.directconnect;

import org.ruralbank.testing.OnH2;

@OnH2
class Pain001OnH2Test extends Pain001Contract {}
