-- description: each staff member's FTP margin by credit share on a date: the day and the month to date, from mart.ftp_staff_monthly
-- grain: one row per staff member credited on the date, in org-path and staff order
-- param: business_date: the date
-- param: staff_id: only this staff member (a customer manager's own row); empty for everyone in scope
-- column: staff_id: the staff member
-- column: staff_name: their name on the date
-- column: org_id: their org
-- column: org_path: its path
-- column: credited_balance: balance by share, yuan
-- column: margin: the day's FTP margin by share, yuan
-- column: margin_mtd: the month's FTP margin by share to date, yuan
with names as (
    select staff_id, staff_name from dw.dim_staff where {{ valid_on(:business_date) }}
),
figures as (
    select m.staff_id, m.org_id, m.org_path, m.credited_balance, m.margin, m.margin_mtd
      from mart.ftp_staff_monthly m
     where m.biz_date = :business_date and (:staff_id = '' or m.staff_id = :staff_id)
       and {{ org_scope(m.org_path) }}
),
final as (
    select f.staff_id, n.staff_name, f.org_id, f.org_path, f.credited_balance, f.margin, f.margin_mtd
      from figures f left join names n on n.staff_id = f.staff_id
)
select * from final order by org_path, staff_id
