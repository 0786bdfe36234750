-- description: 存款账户余额拉链表：任一历史日期的余额为 valid_from <= D <= valid_to 的版本；区间日均 = 各版本余额 × 覆盖天数之和 / 天数（精确到分）。
-- grain: 每个账户每段余额不变的区间一行
-- materialized: scd2
-- key: acct_no
-- column: acct_no: 账号
-- column: org_id: 开户机构
-- column: balance: 日终余额（元，两位小数）
-- test: unique acct_no
-- test: not_null balance
with final as (
    select acct_no, org_id, balance
      from ods.core_deposit_acct where biz_date = {{ biz_date }}
)
select * from final
