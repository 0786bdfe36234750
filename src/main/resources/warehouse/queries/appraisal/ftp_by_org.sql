-- description: each org's FTP margins of a date by account kind: the day and the month to date, from mart.ftp_org_monthly
-- grain: one row per org and account kind with figures on the date, in org-path order
-- param: business_date: the date
-- column: org_id: the org
-- column: org_name: its name on the date
-- column: org_path: its path
-- column: account_kind: DEMAND, TERM, LOAN or TREASURY
-- column: balance: end-of-day balance, yuan
-- column: margin: the day's FTP margin, yuan
-- column: margin_mtd: the month's FTP margin to date, yuan
with names as (
    select org_id, org_name from dw.dim_org where {{ valid_on(:business_date) }}
),
figures as (
    select m.org_id, m.org_path, m.account_kind, m.balance, m.margin, m.margin_mtd
      from mart.ftp_org_monthly m
     where m.biz_date = :business_date and {{ org_scope(m.org_path) }}
),
final as (
    select f.org_id, n.org_name, f.org_path, f.account_kind, f.balance, f.margin, f.margin_mtd
      from figures f left join names n on n.org_id = f.org_id
)
select * from final order by org_path, account_kind
