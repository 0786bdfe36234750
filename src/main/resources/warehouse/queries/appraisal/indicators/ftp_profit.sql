-- description: FTP profit (FTP模拟利润) over the period: the sum of the daily FTP margins of the accounts and loans booked at the org, and per member of staff the margins times their credit share valid on each day
-- grain: one row per org path (staff_id null) and one per org path and member of staff credited with a margin
-- name_zh: FTP模拟利润
-- name_en: FTP profit
-- unit: 元
-- direction: UP
-- levels: bank,branch,person
-- perspective: FINANCE
-- ratio: false
-- flow: true
-- person_target: share
-- accounts: appraisal/accounts_ftp
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's (or the credited staff member's org's) materialized path
-- column: staff_id: the credited member of staff, null on an org row
-- column: amount: the margin, yuan
-- column: base: null (not a ratio)
with orgs as (
    select org_id, org_path from dw.dim_org where valid_from <= :to_date and valid_to >= :to_date
),
margins as (
    select f.biz_date, f.account_no, case when f.account_kind = 'LOAN' then 'LOAN' else 'DEPOSIT' end as object_kind,
           f.org_id, f.margin
      from mart.ftp_account_daily f
     where f.biz_date between :from_date and :to_date
),
staff as (
    select s.staff_id, o.org_path
      from dw.dim_staff s join orgs o on o.org_id = s.org_id
     where s.valid_from <= :to_date and s.valid_to >= :to_date
),
by_org as (
    select o.org_path, sum(m.margin) as amount
      from margins m join orgs o on o.org_id = m.org_id
     where {{ org_scope(o.org_path) }}
     group by o.org_path
),
by_staff as (
    select s.org_path, c.staff_id, sum(m.margin * c.share) as amount
      from margins m
      join mart.credit_share c on c.object_kind = m.object_kind and c.object_id = m.account_no
       and c.valid_from <= m.biz_date and c.valid_to >= m.biz_date
      join staff s on s.staff_id = c.staff_id
     where {{ org_scope(s.org_path) }}
     group by s.org_path, c.staff_id
),
final as (
    select org_path, cast(null as varchar) as staff_id, cast(amount as decimal(24, 4)) as amount,
           cast(null as decimal(24, 4)) as base
      from by_org
    union all
    select org_path, staff_id, cast(amount as decimal(24, 4)) as amount, cast(null as decimal(24, 4)) as base
      from by_staff
)
select * from final order by org_path, staff_id nulls first
