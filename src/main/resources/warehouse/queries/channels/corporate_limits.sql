-- description: corporate online-banking users and their limits against the head office's cap and the branch default, as of a date
-- grain: one row per corporate user (CNET) valid on the date, breaches first, then by signing org and user
-- param: business_date: the date the limits are read at
-- param: ceiling_single: the head office's cap per transaction, yuan
-- param: ceiling_daily: the head office's cap per day, yuan
-- param: default_single: the branch default per transaction, yuan
-- param: default_daily: the branch default per day, yuan
-- column: eb_user_id: the online-banking user
-- column: cust_id: the enterprise
-- column: sign_org_id: the org where it signed
-- column: sign_date: the date it signed
-- column: status: its status
-- column: single_limit: its limit per transaction, yuan; null when none is recorded
-- column: daily_limit: its limit per day, yuan; null when none is recorded
-- column: breach: either limit is above the cap (false without recorded limits)
-- column: off_default: either limit differs from the branch default (a missing limit differs)
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:business_date) }}
),
final as (
    select u.eb_user_id, u.cust_id, u.sign_org_id, u.sign_date, u.status, u.single_limit, u.daily_limit,
           coalesce(u.single_limit > :ceiling_single or u.daily_limit > :ceiling_daily, false) as breach,
           (coalesce(u.single_limit, -1) <> :default_single or coalesce(u.daily_limit, -1) <> :default_daily)
               as off_default
      from dw.dim_eb_user u join orgs o on o.org_id = u.sign_org_id
     where {{ valid_on(u, :business_date) }} and u.eb_type = 'CNET'
       and {{ org_scope(o.org_path) }}
)
select * from final order by breach desc, sign_org_id, eb_user_id
