/** The platform's stores, security configuration, login throttle and clock behind its API interfaces. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.platform.internal;
