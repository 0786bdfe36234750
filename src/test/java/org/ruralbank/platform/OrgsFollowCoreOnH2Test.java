package org.ruralbank.platform;

import org.ruralbank.testing.OnH2;
import org.springframework.test.context.TestPropertySource;

/** A context of its own: following CORE_ORG closes every org the union does not list. */
@OnH2
@TestPropertySource(properties = "ruralbank.test.context=follow-core")
class OrgsFollowCoreOnH2Test extends OrgsFollowCoreContract {}
