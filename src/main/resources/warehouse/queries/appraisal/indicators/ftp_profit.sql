-- description: FTP profit (FTP模拟利润) over the period: the sum of the daily FTP margins of the accounts and loans booked at the org (summed from mart.ftp_org_daily, the day's per-org totals; the treasury's mismatch row left out), and per member of staff the margins credited to them by their shares (mart.ftp_staff_daily: the account's own claim, else its customer's)
-- grain: one row per org path (staff_id null) and one per org path and member of staff credited with a margin
-- name_zh: FTP模拟利润
-- name_en: FTP profit
-- unit: 元
-- direction: UP
-- levels: bank,branch,department,person
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
with by_org as (
    select f.org_path, sum(f.margin) as amount
      from mart.ftp_org_daily f
     where f.biz_date between :from_date and :to_date and f.account_kind <> 'TREASURY' and f.org_path is not null
       and {{ org_scope(f.org_path) }}
     group by f.org_path
),
by_staff as (
    select s.org_path, s.staff_id, sum(s.credited_margin) as amount
      from mart.ftp_staff_daily s
     where s.biz_date between :from_date and :to_date and s.org_path is not null and {{ org_scope(s.org_path) }}
     group by s.org_path, s.staff_id
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
