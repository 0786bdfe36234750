/**
 * The warehouse (ODS → DW → marts) on DuckDB: the models, their data tests, and the front door every other
 * context reads it through.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "platform :: web", "shared"})
@org.jspecify.annotations.NullMarked
package org.ruralbank.warehouse;
