/** The CRM's store of the contact log in the operational database. */
@org.jspecify.annotations.NullMarked
package org.ruralbank.crm.internal;
