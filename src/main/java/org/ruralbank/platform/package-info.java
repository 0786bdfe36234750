/**
 * The operational base every other context stands on: the org tree, staff users, roles and data scopes, the audit
 * log, and the web shell (layout, home, about, Excel export). API types live in this package; persistence and
 * security wiring in {@code internal}; controllers in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.platform;
