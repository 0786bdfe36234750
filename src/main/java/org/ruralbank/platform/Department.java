package org.ruralbank.platform;

import org.jspecify.annotations.Nullable;

/**
 * A head-office department (总行部室, e.g. 电子银行部, 风险管理部): the platform's own configuration, since the provincial
 * union's CORE_ORG and CORE_STAFF know no departments. It belongs to an org (the head office), whose path is the
 * department's for scope, and names its head (a CORE_STAFF id).
 */
public record Department(
        String deptId,
        String name,
        String orgId,
        String orgPath,
        @Nullable String headStaffId,
        boolean open) {}
