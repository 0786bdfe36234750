-- description: the e-banking users behind an org's user figure on the channel pages: the sign-ups of one kind the org signed (with those of the orgs below it, for a figure that counts them), valid on the stock's date, as mart.ebank_org_daily counts them; one page of them for the drill-down
-- grain: one row per sign-up, at most :page_size from :page_offset, in signing-org and user order
-- param: org_id: the signing org
-- param: with_below: Y to take the users of the orgs below it too (a rolled-up figure), N for its own
-- param: eb_type: PNET personal online banking, CNET corporate online banking, MOB mobile banking, SMS SMS alerts
-- param: on_date: the date of the stock (the period's last data date)
-- param: page_size: how many rows the page shows
-- param: page_offset: how many rows come before the page
-- column: eb_user_id: the sign-up
-- column: cust_id: the customer
-- column: acct_no: the account signed (masked before it is shown)
-- column: sign_org_id: the org where it signed
-- column: sign_date: the day it signed
-- column: status: its status as delivered
-- column: total_users: how many sign-ups the list has in all
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:on_date) }}
),
chosen as (
    select org_path from orgs where org_id = :org_id
),
users as (
    select u.eb_user_id, u.cust_id, u.acct_no, u.sign_org_id, u.sign_date, u.status
      from dw.dim_eb_user u
      join orgs o on o.org_id = u.sign_org_id
     where {{ valid_on(u, :on_date) }} and u.eb_type = :eb_type
       and (u.sign_org_id = :org_id
            or (:with_below = 'Y' and o.org_path like (select max(org_path) from chosen) || '%'))
       and {{ org_scope(o.org_path) }}
),
final as (
    select eb_user_id, cust_id, acct_no, sign_org_id, sign_date, status, count(*) over () as total_users from users
)
select * from final order by sign_org_id, eb_user_id limit :page_size offset :page_offset
