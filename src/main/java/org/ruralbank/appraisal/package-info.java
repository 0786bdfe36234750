/**
 * Performance appraisal (绩效考核): credit for the work (业绩归属, claims and disputes), funds transfer pricing
 * (FTP curves and the per-account margin mart), the indicator library and the yearly balanced-scorecard scheme,
 * appraisal runs, bonus pools under the total wage budget and their distribution inside a branch (二次分配).
 *
 * <p>Results are computed from the warehouse's marts through named queries; what people decide (claims, curves,
 * schemes, qualitative scores, distributions) lives in the operational store with maker-checker and audit.
 * Persistence lives in {@code internal}, controllers in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "platform :: web", "warehouse", "channels", "shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.appraisal;
