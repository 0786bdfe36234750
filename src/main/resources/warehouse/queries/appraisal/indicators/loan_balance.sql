-- description: loan balance (贷款余额) on the last data day of the period, per org, and per member of staff by their credit share of each loan (mart.credit_share: the contract's manager unless a claim says otherwise)
-- grain: one row per org path (staff_id null) and one per org path and member of staff credited with loans on that day
-- name_zh: 贷款余额
-- name_en: Loan balance
-- unit: 元
-- direction: UP
-- levels: bank,branch,department,person
-- perspective: FINANCE
-- ratio: false
-- flow: false
-- person_target: share
-- accounts: appraisal/accounts_loans
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's (or the manager's org's) materialized path
-- column: staff_id: the credited member of staff, null on an org row
-- column: amount: the loan balance, yuan
-- column: base: null (not a ratio)
with last_day as (
    select max(biz_date) as d from mart.loan_org_daily where biz_date between :from_date and :to_date
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
by_org as (
    select m.org_path, cast(null as varchar) as staff_id, sum(m.balance) as amount
      from mart.loan_org_daily m
     where m.biz_date = (select d from last_day) and m.org_path is not null and {{ org_scope(m.org_path) }}
     group by m.org_path
),
staff as (
    select s.staff_id, o.org_path
      from dw.dim_staff s join orgs o on o.org_id = s.org_id
     where {{ valid_on(s, :to_date) }}
),
balances as (
    select b.loan_no, b.balance, b.class_5 from dw.loan_balance b, last_day t where {{ valid_on(b, t.d) }}
),
shares as (
    select c.object_id, c.staff_id, c.share
      from mart.credit_share c, last_day t
     where c.object_kind = 'LOAN' and c.staff_id is not null and {{ valid_on(c, t.d) }}
),
by_manager as (
    select s.org_path, c.staff_id, sum(b.balance * c.share) as amount
      from balances b
      join shares c on c.object_id = b.loan_no
      join staff s on s.staff_id = c.staff_id
     where {{ org_scope(s.org_path) }}
     group by s.org_path, c.staff_id
),
final as (
    select org_path, staff_id, cast(amount as decimal(24, 4)) as amount, cast(null as decimal(24, 4)) as base
      from by_org
    union all
    select org_path, staff_id, cast(amount as decimal(24, 4)) as amount, cast(null as decimal(24, 4)) as base
      from by_manager
)
select * from final order by org_path, staff_id nulls first
