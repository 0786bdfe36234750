/**
 * The sample bank: generates a realistic county bank's T+1 deliveries (and broken ones) for demos, tests and
 * rehearsals.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"channels", "delivery", "shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.samplebank;
