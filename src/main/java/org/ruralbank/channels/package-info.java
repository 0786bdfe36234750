/**
 * E-banking channels: cards, self-service devices, POS acquiring, village terminals, online and mobile banking,
 * SMS; the quarterly targets per branch (任务分解表) and their completion; the department's annual report.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "platform :: web", "warehouse", "shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.channels;
