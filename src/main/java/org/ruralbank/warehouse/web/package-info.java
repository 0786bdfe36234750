/** The warehouse's pages: the model catalogue and the read-only SQL console. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.warehouse.web;
