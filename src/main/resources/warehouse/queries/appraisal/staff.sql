-- description: the staff appraised for a period: members of staff in service on its last day, with their org and post
-- grain: one row per member of staff, by org path and staff id
-- param: to_date: the last day of the period
-- column: staff_id: the member of staff
-- column: staff_name: the name
-- column: org_id: the org they work at
-- column: org_path: its materialized path
-- column: post_code: TELLER, CM, HEAD, AUTH, OFFICE or OTHER
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
final as (
    select s.staff_id, s.staff_name, s.org_id, o.org_path, s.post_code
      from dw.dim_staff s join orgs o on o.org_id = s.org_id
     where {{ valid_on(s, :to_date) }} and s.status = 'A' and {{ org_scope(o.org_path) }}
)
select * from final order by org_path, staff_id
