package org.ruralbank.platform;

/**
 * One row of the provincial union's CORE_STAFF.
 *
 * @param status A active, L left
 */
public record CoreStaffRow(String staffId, String name, String orgId, String postCode, String status) {}
