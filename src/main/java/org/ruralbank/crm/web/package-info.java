/** The CRM's pages: search, the customer whole (360), unmasking and contacts. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.crm.web;
