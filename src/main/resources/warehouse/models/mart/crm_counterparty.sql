-- description: 频繁交易对手（CRM）：截至业务日期的 90 天内，付款客户向同一收款客户行内转账不少于 3 笔，即为其频繁交易对手（由 mart.crm_transfer_daily 的 90 个日分区汇总；方向为付款→收款，双向往来各成一行）。
-- grain: 每个业务日期、每对（from_cust_id 付款客户, to_cust_id 收款客户）一行，仅限 90 天内转账不少于 3 笔的
-- materialized: partition
-- column: from_cust_id: 付款客户
-- column: to_cust_id: 收款客户（频繁交易对手）
-- column: transfers: 90 天内转账笔数
-- column: amount: 90 天内转账金额合计（元）
-- column: first_date: 90 天内第一笔转账的日期
-- column: last_date: 最近一笔转账的日期
-- column: org_id: 收款客户的开户机构
-- column: org_path: 该机构的路径（按机构范围过滤）
-- test: unique from_cust_id, to_cust_id
-- test: not_null org_path
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
customers as (
    select cust_id, open_org_id from dw.dim_customer where {{ valid_on_t }}
),
window_days as (
    select from_cust_id, to_cust_id, biz_date, transfers, amount
      from mart.crm_transfer_daily
     where biz_date <= {{ biz_date }} and {{ days_between(biz_date, {{ biz_date }}) }} < 90
),
pairs as (
    select from_cust_id, to_cust_id, sum(transfers) as transfers, sum(amount) as amount,
           min(biz_date) as first_date, max(biz_date) as last_date
      from window_days
     group by from_cust_id, to_cust_id
    having sum(transfers) >= 3
),
final as (
    select {{ biz_date }} as biz_date, p.from_cust_id, p.to_cust_id, cast(p.transfers as bigint) as transfers,
           cast(p.amount as decimal(18, 2)) as amount, p.first_date, p.last_date, c.open_org_id as org_id, o.org_path
      from pairs p
      join customers c on c.cust_id = p.to_cust_id
      join orgs o on o.org_id = c.open_org_id
)
select * from final
