/** The direct connection's partner API and the bank's pages. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.directconnect.web;
