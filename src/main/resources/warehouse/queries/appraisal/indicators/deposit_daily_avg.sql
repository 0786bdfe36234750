-- description: daily-average deposits (日均存款) over the period: per org, the sum of its end-of-day balances over the mart's days in the period divided by those days; per member of staff, the same over the balances credited to them day by day (mart.credit_share: the account's own claim that day, else its holder's customer claim; deposits without either stay with the org)
-- grain: one row per org path with deposits in the period (staff_id null) and one per org path and member of staff credited with deposits on a day of the period
-- name_zh: 日均存款
-- name_en: Daily-average deposits
-- unit: 元
-- direction: UP
-- levels: bank,branch,department,person
-- perspective: FINANCE
-- ratio: false
-- flow: false
-- person_target: share
-- accounts: appraisal/accounts_deposits
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's (or the credited staff member's org's) materialized path
-- column: staff_id: the credited member of staff, null on an org row
-- column: amount: the daily-average balance, yuan
-- column: base: null (not a ratio)
with loaded_days as (
    select distinct biz_date as d from mart.deposit_org_daily where biz_date between :from_date and :to_date
),
days as (
    select count(*) as n from loaded_days
),
sums as (
    select d.org_path, sum(d.balance) as balance_days
      from mart.deposit_org_daily d
     where d.biz_date between :from_date and :to_date and d.org_path is not null and {{ org_scope(d.org_path) }}
     group by d.org_path
),
account_shares as (
    select object_id as acct_no, staff_id, share, valid_from, valid_to
      from mart.credit_share
     where object_kind = 'DEPOSIT' and valid_from <= :to_date and valid_to >= :from_date
),
customer_shares as (
    select object_id as cust_id, staff_id, share, valid_from, valid_to
      from mart.credit_share
     where object_kind = 'CUSTOMER' and staff_id is not null and valid_from <= :to_date and valid_to >= :from_date
),
own_credit as (
    select s.staff_id, b.balance * s.share as balance
      from account_shares s
      join loaded_days t on {{ valid_on(s, t.d) }}
      join dw.deposit_balance b on b.acct_no = s.acct_no and {{ valid_on(b, t.d) }}
     where s.staff_id is not null
),
customer_credit as (
    select s.staff_id, b.balance * s.share as balance
      from customer_shares s
      join loaded_days t on {{ valid_on(s, t.d) }}
      join dw.dim_deposit_account a on a.cust_id = s.cust_id and {{ valid_on(a, t.d) }}
      join dw.deposit_balance b on b.acct_no = a.acct_no and {{ valid_on(b, t.d) }}
     where not exists (select 1 from account_shares o where o.acct_no = a.acct_no and {{ valid_on(o, t.d) }})
),
staff as (
    select s.staff_id, o.org_path
      from dw.dim_staff s
      join dw.dim_org o on o.org_id = s.org_id and {{ valid_on(o, :to_date) }}
     where {{ valid_on(s, :to_date) }}
),
by_staff as (
    select s.org_path, c.staff_id, sum(c.balance) as balance_days
      from (select * from own_credit union all select * from customer_credit) c
      join staff s on s.staff_id = c.staff_id
     where {{ org_scope(s.org_path) }}
     group by s.org_path, c.staff_id
),
final as (
    select s.org_path, cast(null as varchar) as staff_id,
           cast(s.balance_days / (select n from days) as decimal(24, 4)) as amount, cast(null as decimal(24, 4)) as base
      from sums s
    union all
    select b.org_path, b.staff_id, cast(b.balance_days / (select n from days) as decimal(24, 4)) as amount,
           cast(null as decimal(24, 4)) as base
      from by_staff b
)
select * from final order by org_path, staff_id nulls first
