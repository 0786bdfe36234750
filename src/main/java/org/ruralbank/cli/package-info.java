/**
 * The {@code ruralbank} command line: every command an operator or an enterprise runs, each a thin shell over
 * the API of the context it drives.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "appraisal",
            "points",
            "channels",
            "crm",
            "delivery",
            "directconnect",
            "ingest",
            "platform",
            "samplebank",
            "warehouse",
            "shared"
        })
@org.jspecify.annotations.NullMarked
package org.ruralbank.cli;
