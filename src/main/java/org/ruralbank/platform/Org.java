package org.ruralbank.platform;

/**
 * An org of the bank: head office (level 1), branch (2) or sub-branch (3). {@code path} is the materialized path of
 * org ids from the root ({@code /HQ/B01/S0101/}), so "this org and below" is a prefix match on any database.
 */
public record Org(
        String orgId,
        String name,
        int level,
        String parentOrgId,
        String path,
        String townName,
        boolean open,
        String source) {

    public static final int HEAD_OFFICE = 1;
    public static final int BRANCH = 2;
    public static final int SUB_BRANCH = 3;

    /** The path of a child of the org with path {@code parentPath}; the root's parent path is {@code "/"}. */
    public static String childPath(String parentPath, String orgId) {
        return parentPath + orgId + "/";
    }

    /** Depth in the tree as given by the path: 1 for the root. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
