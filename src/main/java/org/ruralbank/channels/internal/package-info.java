/** The channels' store of target-decomposition tables in the operational database. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.channels.internal;
