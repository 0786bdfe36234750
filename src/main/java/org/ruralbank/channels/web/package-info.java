/** The e-banking channel pages, the target-decomposition table and the annual report. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.channels.web;
