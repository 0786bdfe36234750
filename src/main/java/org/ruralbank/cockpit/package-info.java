/**
 * The department's cockpit (工作台): the home page that shows the year at a glance for the signed-in user's scope —
 * the key figures of the date shown with 环比, 比年初 and 同比, their month-end trend lines, the branches ranked across
 * the whole bank, and what needs attention (dates the intake could not load, branches behind their quarter's plan,
 * POS sales flagged for review).
 *
 * <p>It reads the warehouse through the named queries under {@code warehouse/queries/cockpit/}, the quarter's plan
 * through the channels' {@code TargetCompletion}, and the intake's health through {@code IngestMonitor}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "platform :: web", "warehouse", "channels", "ingest", "shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.cockpit;
