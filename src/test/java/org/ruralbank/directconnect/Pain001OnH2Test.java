package org.ruralbank.directconnect;

import org.ruralbank.testing.OnH2;
import org.springframework.test.context.TestPropertySource;

@OnH2
// a context of their own: in a whole run, the embedded database of the context the other @OnH2 classes share was
// found closed by the time these ran (cause not yet found); their own database keeps the ledger contract tested
@TestPropertySource(properties = "spring.datasource.hikari.pool-name=directconnect-h2")
class Pain001OnH2Test extends Pain001Contract {}
