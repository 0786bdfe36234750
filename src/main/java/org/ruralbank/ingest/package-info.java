/**
 * Ingestion: scans the inbox, checks each date's delivery, quarantines bad records, blocks bad dates, and stages
 * each READY date's tables for the warehouse to publish.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"delivery", "platform", "platform :: web", "warehouse", "shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.ingest;
