-- description: 存款按机构、产品的日终汇总：户数、余额、月初至今日均（由余额拉链表精确计算，按分四舍五入一次）。
-- grain: 每个业务日期、机构、产品一行
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: balance: 日终余额合计（元）
-- column: balance_day_sum: 月初至今每日余额之和（元）
-- column: mtd_avg_balance: 月初至今日均余额（元）
-- test: unique org_id, product_code
-- test: not_null org_path
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
accounts as (
    select acct_no, product_code from dw.dim_deposit_account
     where {{ valid_on_t }}
),
spans as (
    select b.acct_no, b.org_id, b.balance,
           {{ days_between(greatest(b.valid_from, {{ month_start }}), least(b.valid_to, {{ biz_date }})) }} + 1 as days,
           b.valid_to >= {{ biz_date }} as current
      from dw.deposit_balance b
     where b.valid_from <= {{ biz_date }} and b.valid_to >= {{ month_start }}
),
per_account as (
    select s.acct_no, max(case when s.current then s.org_id end) as org_id,
           sum(case when s.current then s.balance else 0 end) as balance,
           sum(s.balance * s.days) as balance_day_sum, max(s.org_id) as any_org_id
      from spans s group by s.acct_no
),
final as (
    select {{ biz_date }} as biz_date, coalesce(p.org_id, p.any_org_id) as org_id, o.org_path,
           coalesce(a.product_code, 'CLOSED') as product_code,
           count(case when p.org_id is not null then 1 end) as acct_count,
           cast(sum(p.balance) as decimal(18, 2)) as balance,
           cast(sum(p.balance_day_sum) as decimal(22, 2)) as balance_day_sum,
           cast({{ int_div(cast(sum(p.balance_day_sum) * 200 as {{ wide_int }}) + {{ mtd_days }}, 2 * {{ mtd_days }}) }} as decimal(20, 0))
               * 0.01 as mtd_avg_balance
      from per_account p
      left join accounts a on a.acct_no = p.acct_no
      left join orgs o on o.org_id = coalesce(p.org_id, p.any_org_id)
     group by 2, 3, 4
)
select biz_date, org_id, org_path, product_code, acct_count, balance, balance_day_sum,
       cast(mtd_avg_balance as decimal(18, 2)) as mtd_avg_balance
  from final
