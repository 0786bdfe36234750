package org.ruralbank.appraisal;

/** The four perspectives of the balanced scorecard under which a scheme's items are weighted. */
public enum Perspective {
    /** 财务: deposits, loans, profit, expenses. */
    FINANCE,
    /** 客户: cards, e-banking users, merchants, substitution. */
    CUSTOMER,
    /** 内部控制: asset quality, compliance. */
    CONTROL,
    /** 学习与成长: chip migration, efficiency, training. */
    GROWTH
}
