package org.ruralbank.platform;

/**
 * One row of the provincial union's CORE_ORG as the org tree follows it.
 *
 * @param level 1 head office, 2 branch, 3 sub-branch
 * @param status A open, C closed
 */
public record CoreOrgRow(String orgId, String name, int level, String parentOrgId, String townName, String status) {}
