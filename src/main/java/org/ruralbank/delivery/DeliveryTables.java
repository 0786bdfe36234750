package org.ruralbank.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of the 20 tables of the provincial union's T+1 delivery (spec section 5), in the spec's order.
 * Keys are NOT NULL; the other columns the catalogue marks NOT NULL are the ones without which a record means
 * nothing (identifiers, dates, amounts, code values).
 */
public final class DeliveryTables {

    private static final Map<String, DeliveryTable> TABLES = new LinkedHashMap<>();

    static {
        // CORE
        table(
                "CORE_ORG",
                "CORE",
                LoadMode.FULL,
                "机构",
                null,
                "ORG_ID VARCHAR(12) K 机构号",
                "ORG_NAME VARCHAR(60) ! 机构名称",
                "ORG_LEVEL CHAR(1) ! 机构级别",
                "PARENT_ORG_ID VARCHAR(12) - 上级机构号",
                "TOWN_NAME VARCHAR(30) - 所在乡镇",
                "AREA_CLASS CHAR(1) ! 区域类别",
                "OPEN_DATE DATE ! 开业日期",
                "STATUS CHAR(1) ! 状态");
        table(
                "CORE_STAFF",
                "CORE",
                LoadMode.FULL,
                "员工",
                null,
                "STAFF_ID VARCHAR(12) K 员工号",
                "STAFF_NAME VARCHAR(30) ! 姓名",
                "ORG_ID VARCHAR(12) ! 所属机构",
                "POST_CODE VARCHAR(8) ! 岗位",
                "HIRE_DATE DATE - 入职日期",
                "STATUS CHAR(1) ! 状态");
        table(
                "CORE_CUSTOMER",
                "CORE",
                LoadMode.INCR,
                "客户信息",
                null,
                "CUST_ID VARCHAR(20) K 客户号",
                "CUST_TYPE CHAR(1) ! 客户类型",
                "CUST_NAME VARCHAR(120) ! 客户名称",
                "ID_TYPE CHAR(2) ! 证件类型",
                "ID_NO VARCHAR(32) ! 证件号码",
                "GENDER CHAR(1) - 性别",
                "BIRTH_DATE DATE - 出生日期",
                "MOBILE VARCHAR(20) - 手机号码",
                "ADDRESS VARCHAR(200) - 地址",
                "TOWN_NAME VARCHAR(30) - 乡镇",
                "VILLAGE_NAME VARCHAR(40) - 村",
                "OCCUPATION VARCHAR(8) - 职业",
                "LEGAL_REP_CUST_ID VARCHAR(20) - 法定代表人客户号",
                "OPEN_ORG_ID VARCHAR(12) ! 开户机构",
                "OPEN_DATE DATE ! 开户日期",
                "CHANGE_FLAG CHAR(1) ! 变更标志");
        table(
                "CORE_DEPOSIT_ACCT",
                "CORE",
                LoadMode.FULL,
                "存款分户账",
                null,
                "ACCT_NO VARCHAR(32) K 账号",
                "CUST_ID VARCHAR(20) ! 客户号",
                "ORG_ID VARCHAR(12) ! 开户机构",
                "PRODUCT_CODE VARCHAR(8) ! 产品",
                "CURRENCY CHAR(3) ! 币种",
                "OPEN_DATE DATE ! 开户日期",
                "MATURITY_DATE DATE - 到期日",
                "TERM_MONTHS INTEGER(10) - 存期(月)",
                "INT_RATE DECIMAL(10,6) - 利率",
                "BALANCE DECIMAL(18,2) ! 余额",
                "ACCT_STATUS CHAR(1) ! 账户状态",
                "CLOSE_DATE DATE - 销户日期");
        table(
                "CORE_DEPOSIT_TXN",
                "CORE",
                LoadMode.INCR,
                "存款交易流水",
                "TXN_DATE",
                "TXN_SEQ VARCHAR(32) K 交易流水号",
                "TXN_DATE DATE ! 交易日期",
                "TXN_TIME TIMESTAMP ! 交易时间",
                "ACCT_NO VARCHAR(32) ! 账号",
                "DC_FLAG CHAR(1) ! 借贷标志",
                "AMOUNT DECIMAL(18,2) ! 金额",
                "BALANCE_AFTER DECIMAL(18,2) ! 交易后余额",
                "CHANNEL VARCHAR(4) ! 渠道",
                "TXN_CODE VARCHAR(8) ! 交易码",
                "CARD_NO VARCHAR(19) - 卡号",
                "TELLER_ID VARCHAR(12) - 柜员号",
                "ORG_ID VARCHAR(12) ! 交易机构",
                "DEVICE_ID VARCHAR(16) - 设备号",
                "OPP_ACCT_NO VARCHAR(32) - 对方账号",
                "OPP_NAME VARCHAR(120) - 对方户名",
                "OPP_BANK_CODE VARCHAR(12) - 对方行号",
                "REVERSAL_FLAG CHAR(1) ! 冲正标志",
                "MEMO VARCHAR(100) - 摘要");
        table(
                "CORE_CARD",
                "CORE",
                LoadMode.FULL,
                "卡片信息",
                null,
                "CARD_NO VARCHAR(19) K 卡号",
                "ACCT_NO VARCHAR(32) ! 账号",
                "CUST_ID VARCHAR(20) ! 客户号",
                "CARD_PRODUCT CHAR(2) ! 卡产品",
                "MEDIUM CHAR(1) ! 介质",
                "ISSUE_ORG_ID VARCHAR(12) ! 发卡机构",
                "ISSUE_DATE DATE ! 发卡日期",
                "CARD_STATUS CHAR(1) ! 卡状态",
                "ACTIVATE_DATE DATE - 激活日期",
                "REPLACED_CARD_NO VARCHAR(19) - 被换卡号");
        // CRED
        table(
                "CRED_LOAN_CONTRACT",
                "CRED",
                LoadMode.FULL,
                "贷款合同",
                null,
                "CONTRACT_NO VARCHAR(32) K 合同号",
                "CUST_ID VARCHAR(20) ! 客户号",
                "ORG_ID VARCHAR(12) ! 经办机构",
                "MANAGER_STAFF_ID VARCHAR(12) - 客户经理",
                "PRODUCT_CODE VARCHAR(8) ! 产品",
                "CONTRACT_AMT DECIMAL(18,2) ! 合同金额",
                "INT_RATE DECIMAL(10,6) ! 利率",
                "START_DATE DATE ! 起始日",
                "MATURITY_DATE DATE ! 到期日",
                "REPAY_METHOD VARCHAR(4) ! 还款方式",
                "GUARANTEE_TYPE CHAR(1) ! 担保方式",
                "STATUS CHAR(1) ! 状态");
        table(
                "CRED_LOAN",
                "CRED",
                LoadMode.FULL,
                "借据",
                null,
                "LOAN_NO VARCHAR(32) K 借据号",
                "CONTRACT_NO VARCHAR(32) ! 合同号",
                "CUST_ID VARCHAR(20) ! 客户号",
                "ORG_ID VARCHAR(12) ! 经办机构",
                "DISBURSE_DATE DATE ! 发放日",
                "MATURITY_DATE DATE ! 到期日",
                "LOAN_AMT DECIMAL(18,2) ! 借据金额",
                "BALANCE DECIMAL(18,2) ! 余额",
                "INT_RATE DECIMAL(10,6) ! 利率",
                "OVERDUE_PRINCIPAL DECIMAL(18,2) ! 逾期本金",
                "OVERDUE_INTEREST DECIMAL(18,2) ! 逾期利息",
                "DPD INTEGER(10) ! 逾期天数",
                "CLASS_5 CHAR(1) ! 五级分类",
                "STATUS CHAR(1) ! 状态",
                "SETTLE_ACCT_NO VARCHAR(32) - 结算账号");
        table(
                "CRED_REPAYMENT",
                "CRED",
                LoadMode.INCR,
                "还款流水",
                "REPAY_DATE",
                "REPAY_SEQ VARCHAR(32) K 还款流水号",
                "LOAN_NO VARCHAR(32) ! 借据号",
                "REPAY_DATE DATE ! 还款日期",
                "PRINCIPAL DECIMAL(18,2) ! 本金",
                "INTEREST DECIMAL(18,2) ! 利息",
                "PENALTY DECIMAL(18,2) ! 罚息",
                "CHANNEL VARCHAR(4) ! 渠道");
        table(
                "CRED_GUARANTEE",
                "CRED",
                LoadMode.FULL,
                "担保关系",
                null,
                "CONTRACT_NO VARCHAR(32) K 合同号",
                "GUARANTOR_CUST_ID VARCHAR(20) K 担保人客户号",
                "GUARANTEE_TYPE CHAR(1) ! 担保方式",
                "GUARANTEE_AMT DECIMAL(18,2) ! 担保金额",
                "COLLATERAL_DESC VARCHAR(200) - 押品描述");
        // FIN
        table(
                "FIN_GL_BALANCE",
                "FIN",
                LoadMode.FULL,
                "科目余额",
                null,
                "ORG_ID VARCHAR(12) K 机构号",
                "SUBJECT_CODE VARCHAR(10) K 科目号",
                "SUBJECT_NAME VARCHAR(60) ! 科目名称",
                "DR_BALANCE DECIMAL(18,2) ! 借方余额",
                "CR_BALANCE DECIMAL(18,2) ! 贷方余额",
                "DR_AMOUNT DECIMAL(18,2) ! 借方发生额",
                "CR_AMOUNT DECIMAL(18,2) ! 贷方发生额");
        table(
                "FIN_EXPENSE",
                "FIN",
                LoadMode.INCR,
                "费用明细",
                "EXP_DATE",
                "EXP_SEQ VARCHAR(20) K 费用流水号",
                "ORG_ID VARCHAR(12) ! 机构号",
                "EXP_DATE DATE ! 费用日期",
                "EXP_CATEGORY VARCHAR(8) ! 费用类别",
                "STAFF_ID VARCHAR(12) - 员工号",
                "AMOUNT DECIMAL(18,2) ! 金额",
                "MEMO VARCHAR(100) - 摘要");
        // MID
        table(
                "MID_AGENCY_BATCH",
                "MID",
                LoadMode.INCR,
                "代理批次",
                "BATCH_DATE",
                "BATCH_NO VARCHAR(24) K 批次号",
                "BIZ_TYPE VARCHAR(8) ! 业务类型",
                "PAYER_NAME VARCHAR(120) - 委托单位",
                "PAYER_ACCT_NO VARCHAR(32) - 委托单位账号",
                "ORG_ID VARCHAR(12) ! 机构号",
                "BATCH_DATE DATE ! 批次日期",
                "TOTAL_COUNT INTEGER(10) ! 总笔数",
                "TOTAL_AMT DECIMAL(18,2) ! 总金额",
                "SUCC_COUNT INTEGER(10) ! 成功笔数",
                "SUCC_AMT DECIMAL(18,2) ! 成功金额");
        table(
                "MID_AGENCY_DETAIL",
                "MID",
                LoadMode.INCR,
                "代理明细",
                null,
                "BATCH_NO VARCHAR(24) K 批次号",
                "SEQ_NO INTEGER(10) K 序号",
                "ACCT_NO VARCHAR(32) ! 账号",
                "CUST_NAME VARCHAR(120) - 户名",
                "AMOUNT DECIMAL(18,2) ! 金额",
                "RESULT CHAR(1) ! 结果",
                "FAIL_REASON VARCHAR(60) - 失败原因");
        // EB
        table(
                "EB_USER",
                "EB",
                LoadMode.FULL,
                "电子银行签约",
                null,
                "EB_USER_ID VARCHAR(24) K 电子银行用户号",
                "CUST_ID VARCHAR(20) ! 客户号",
                "EB_TYPE VARCHAR(4) ! 签约类型",
                "SIGN_ORG_ID VARCHAR(12) ! 签约机构",
                "SIGN_DATE DATE ! 签约日期",
                "STATUS CHAR(1) ! 状态",
                "ACCT_NO VARCHAR(32) - 签约账号",
                "SINGLE_LIMIT DECIMAL(18,2) - 单笔限额",
                "DAILY_LIMIT DECIMAL(18,2) - 日累计限额");
        table(
                "EB_TXN",
                "EB",
                LoadMode.INCR,
                "电子银行交易",
                "TXN_DATE",
                "EB_TXN_SEQ VARCHAR(32) K 交易流水号",
                "EB_USER_ID VARCHAR(24) ! 电子银行用户号",
                "EB_TYPE VARCHAR(4) ! 渠道类型",
                "TXN_DATE DATE ! 交易日期",
                "TXN_TIME TIMESTAMP ! 交易时间",
                "TXN_KIND VARCHAR(4) ! 交易种类",
                "AMOUNT DECIMAL(18,2) ! 金额",
                "FEE DECIMAL(18,2) ! 手续费",
                "STATUS CHAR(1) ! 状态",
                "PAYER_ACCT_NO VARCHAR(32) - 付款账号",
                "PAYEE_ACCT_NO VARCHAR(32) - 收款账号",
                "PAYEE_BANK_CODE VARCHAR(12) - 收款行号");
        table(
                "EB_DEVICE",
                "EB",
                LoadMode.FULL,
                "自助设备与终端",
                null,
                "DEVICE_ID VARCHAR(16) K 设备号",
                "DEVICE_TYPE VARCHAR(4) ! 设备类型",
                "ORG_ID VARCHAR(12) ! 管理机构",
                "LOCATION VARCHAR(100) - 布放地点",
                "OFFSITE CHAR(1) ! 离行标志",
                "MERCHANT_ID VARCHAR(15) - 所在商户",
                "INSTALL_DATE DATE ! 布放日期",
                "STATUS CHAR(1) ! 状态");
        table(
                "EB_DEVICE_TXN",
                "EB",
                LoadMode.INCR,
                "自助设备交易",
                "TXN_DATE",
                "DEV_TXN_SEQ VARCHAR(32) K 设备交易流水号",
                "DEVICE_ID VARCHAR(16) ! 设备号",
                "TXN_DATE DATE ! 交易日期",
                "TXN_TIME TIMESTAMP ! 交易时间",
                "TXN_KIND VARCHAR(4) ! 交易种类",
                "CARD_NO VARCHAR(19) - 卡号",
                "CARD_ISSUER VARCHAR(5) ! 发卡方",
                "AMOUNT DECIMAL(18,2) ! 金额",
                "FEE_INCOME DECIMAL(18,2) ! 手续费收入",
                "STATUS CHAR(1) ! 状态",
                "ERROR_CODE VARCHAR(8) - 错误码");
        // ACQ
        table(
                "ACQ_MERCHANT",
                "ACQ",
                LoadMode.FULL,
                "特约商户",
                null,
                "MERCHANT_ID VARCHAR(15) K 商户号",
                "MERCHANT_NAME VARCHAR(120) ! 商户名称",
                "MCC CHAR(4) ! 商户类别码",
                "CUST_ID VARCHAR(20) - 客户号",
                "SETTLE_ACCT_NO VARCHAR(32) ! 结算账号",
                "ORG_ID VARCHAR(12) ! 签约机构",
                "MANAGER_STAFF_ID VARCHAR(12) - 客户经理",
                "MARKET_NAME VARCHAR(60) - 所在市场",
                "ADDRESS VARCHAR(200) - 地址",
                "SIGN_DATE DATE ! 签约日期",
                "MDR DECIMAL(8,6) ! 扣率",
                "STATUS CHAR(1) ! 状态",
                "SITE_PHOTO CHAR(1) ! 现场照片",
                "TRAINED CHAR(1) ! 培训记录");
        table(
                "ACQ_POS_TXN",
                "ACQ",
                LoadMode.INCR,
                "POS交易",
                "TXN_DATE",
                "POS_TXN_SEQ VARCHAR(32) K POS交易流水号",
                "MERCHANT_ID VARCHAR(15) ! 商户号",
                "TERMINAL_ID VARCHAR(16) ! 终端号",
                "TXN_DATE DATE ! 交易日期",
                "TXN_TIME TIMESTAMP ! 交易时间",
                "TXN_KIND VARCHAR(6) ! 交易种类",
                "CARD_NO VARCHAR(19) ! 卡号(掩码)",
                "CARD_ISSUER VARCHAR(5) ! 发卡方",
                "CARD_TYPE CHAR(1) ! 卡类型",
                "AMOUNT DECIMAL(18,2) ! 金额",
                "MDR_FEE DECIMAL(18,2) ! 手续费",
                "STATUS CHAR(1) ! 状态");
    }

    private DeliveryTables() {}

    /** The 20 tables in the spec's order. */
    public static List<DeliveryTable> all() {
        return List.copyOf(TABLES.values());
    }

    public static Optional<DeliveryTable> find(String name) {
        return Optional.ofNullable(TABLES.get(name));
    }

    /** The table of that name; throws {@link IllegalArgumentException} for an unknown name. */
    public static DeliveryTable get(String name) {
        DeliveryTable t = TABLES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown table " + name);
        }
        return t;
    }

    private static void table(
            String name, String system, LoadMode mode, String description, String dateColumn, String... columns) {
        List<ColumnMeta> list = new ArrayList<>();
        for (String c : columns) {
            list.add(column(c));
        }
        TABLES.put(name, new DeliveryTable(name, system, mode, description, list, dateColumn));
    }

    /** {@code NAME TYPE[(L[,S])] K|!|- description}: K key, ! not null, - nullable. */
    private static ColumnMeta column(String def) {
        String[] p = def.split(" ", 4);
        String type = p[1];
        int length;
        int scale = 0;
        int paren = type.indexOf('(');
        String base = paren < 0 ? type : type.substring(0, paren);
        ColumnType t = ColumnType.valueOf(base);
        if (paren >= 0) {
            String[] ls = type.substring(paren + 1, type.length() - 1).split(",");
            length = Integer.parseInt(ls[0]);
            scale = ls.length > 1 ? Integer.parseInt(ls[1]) : 0;
        } else {
            length = switch (t) {
                case DATE -> 8;
                case TIMESTAMP -> 14;
                case INTEGER -> 10;
                case BIGINT -> 19;
                default -> throw new IllegalArgumentException(def);
            };
        }
        boolean key = p[2].equals("K");
        boolean nullable = p[2].equals("-");
        return new ColumnMeta(p[0], t, length, scale, nullable, key, p[3]);
    }
}
