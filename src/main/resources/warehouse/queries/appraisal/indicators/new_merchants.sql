-- description: new POS merchants (新增商户) signed in the period, per org, and per member of staff by their credit share of each merchant (the merchant's manager unless a claim says otherwise), as the merchant dimension stands on the period's last day
-- grain: one row per org path (staff_id null) and one per org path and manager with merchants signed in the period
-- name_zh: 新增POS商户
-- name_en: New POS merchants
-- unit: 户
-- direction: UP
-- levels: bank,branch,department,person
-- perspective: CUSTOMER
-- ratio: false
-- flow: true
-- person_target: share
-- target_indicator: POS_MERCHANTS
-- accounts: appraisal/accounts_merchants
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's (or the manager's org's) materialized path
-- column: staff_id: the credited member of staff, null on an org row
-- column: amount: merchants signed (a person: the sum of their shares)
-- column: base: null (not a ratio)
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
signed as (
    select m.merchant_id, m.manager_staff_id, o.org_path as merchant_org_path
      from dw.dim_merchant m join orgs o on o.org_id = m.org_id
     where {{ valid_on(m, :to_date) }} and m.sign_date between :from_date and :to_date
),
staff as (
    select s.staff_id, o.org_path
      from dw.dim_staff s join orgs o on o.org_id = s.org_id
     where {{ valid_on(s, :to_date) }}
),
final as (
    select g.merchant_org_path as org_path, cast(null as varchar) as staff_id,
           cast(count(*) as decimal(24, 4)) as amount, cast(null as decimal(24, 4)) as base
      from signed g where {{ org_scope(g.merchant_org_path) }}
     group by g.merchant_org_path
    union all
    select s.org_path, s.staff_id, cast(sum(c.share) as decimal(24, 4)) as amount, cast(null as decimal(24, 4)) as base
      from signed g
      join mart.credit_share c on c.object_kind = 'MERCHANT' and c.object_id = g.merchant_id and c.staff_id is not null
       and {{ valid_on(c, :to_date) }}
      join staff s on s.staff_id = c.staff_id
     where {{ org_scope(s.org_path) }}
     group by s.org_path, s.staff_id
)
select * from final order by org_path, staff_id nulls first
