-- description: one member of staff as the latest version of the staff dimension holds them, with their org, when it lies within the scope; no row otherwise
-- grain: one row, or none
-- param: staff_id: the member of staff
-- column: staff_id: the member of staff
-- column: staff_name: the name
-- column: org_id: the org they work at
-- column: org_path: its path
-- column: post_code: TELLER, CM, HEAD, AUTH, OFFICE or OTHER
-- column: status: A in service, L left
with staff as (
    select staff_id, staff_name, org_id, post_code, status from dw.dim_staff
     where staff_id = :staff_id and valid_to = {{ open_end }}
),
orgs as (
    select org_id, org_path from dw.dim_org where valid_to = {{ open_end }}
),
final as (
    select s.staff_id, s.staff_name, s.org_id, o.org_path, s.post_code, s.status
      from staff s join orgs o on o.org_id = s.org_id
     where {{ org_scope(o.org_path) }}
)
select * from final
