package org.ruralbank.platform;

import org.ruralbank.testing.OnPostgres;
import org.springframework.test.context.TestPropertySource;

/** A context of its own: following CORE_ORG closes every org the union does not list. */
@OnPostgres
@TestPropertySource(properties = "ruralbank.test.context=follow-core")
class OrgsFollowCoreOnPostgresTest extends OrgsFollowCoreContract {}
