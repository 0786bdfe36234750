-- description: daily-average deposits (日均存款) of each org over the period: the sum of its end-of-day balances over the mart's days in the period, divided by those days
-- grain: one row per org path with deposits in the period (person rows come with the credit shares)
-- name_zh: 日均存款
-- name_en: Daily-average deposits
-- unit: 元
-- direction: UP
-- levels: bank,branch
-- perspective: FINANCE
-- ratio: false
-- flow: false
-- accounts: appraisal/accounts_deposits
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's materialized path
-- column: staff_id: null (an org row)
-- column: amount: the daily-average balance, yuan
-- column: base: null (not a ratio)
with days as (
    select count(distinct biz_date) as n from mart.deposit_org_daily where biz_date between :from_date and :to_date
),
sums as (
    select d.org_path, sum(d.balance) as balance_days
      from mart.deposit_org_daily d
     where d.biz_date between :from_date and :to_date and d.org_path is not null and {{ org_scope(d.org_path) }}
     group by d.org_path
),
final as (
    select s.org_path, cast(null as varchar) as staff_id,
           cast(s.balance_days / (select n from days) as decimal(24, 4)) as amount, cast(null as decimal(24, 4)) as base
      from sums s
)
select * from final order by org_path
