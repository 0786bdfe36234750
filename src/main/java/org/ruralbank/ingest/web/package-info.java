/** The data platform page: dates, progress and health of the loads. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.ingest.web;
