-- description: 存款账户维度（拉链表），账户属性的历史；余额的历史见 dw.deposit_balance。
-- grain: 每个账户每个版本一行
-- materialized: scd2
-- key: acct_no
-- column: acct_no: 账号
-- column: cust_id: 客户号
-- column: org_id: 开户机构
-- column: product_code: CUR 活期 FIX 定期 NTC 通知
-- column: acct_status: N 正常 F 冻结 D 久悬 C 销户
-- test: unique acct_no
-- test: accepted_values product_code CUR,FIX,NTC
-- test: accepted_values acct_status N,F,D,C
-- test: relationships org_id dw.dim_org.org_id
-- test: relationships cust_id dw.dim_customer.cust_id warn
with final as (
    select acct_no, cust_id, org_id, product_code, currency, open_date, maturity_date, term_months, int_rate,
           acct_status, close_date
      from ods.core_deposit_acct where biz_date = {{ biz_date }}
)
select * from final
