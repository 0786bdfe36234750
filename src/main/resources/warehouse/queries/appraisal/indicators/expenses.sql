-- description: operating expenses (费用) booked in the period per org from the finance system's FIN_EXPENSE, salaries excluded (they are what the pools pay)
-- grain: one row per org path with expenses in the period
-- name_zh: 费用支出
-- name_en: Expenses
-- unit: 元
-- direction: DOWN
-- levels: bank,branch,department
-- perspective: FINANCE
-- ratio: false
-- flow: true
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's materialized path
-- column: staff_id: null (an org row)
-- column: amount: expenses, yuan
-- column: base: null (not a ratio)
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
final as (
    select o.org_path, cast(null as varchar) as staff_id, cast(sum(e.amount) as decimal(24, 4)) as amount,
           cast(null as decimal(24, 4)) as base
      from ods.fin_expense e join orgs o on o.org_id = e.org_id
     where e.exp_date between :from_date and :to_date and e.exp_category <> 'SALARY' and {{ org_scope(o.org_path) }}
     group by o.org_path
)
select * from final order by org_path
