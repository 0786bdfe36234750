-- description: the bank's staff as the core delivered them for one date, whom the staff users follow
-- grain: one row per staff member
-- param: biz_date: the business date whose CORE_STAFF is read
-- column: staff_id: the staff member's id in the core
-- column: name: the staff member's name
-- column: org_id: the org they work at
-- column: post_code: their post
-- column: status: their status in the core; L has left
with staff as (
    select staff_id, staff_name as name, org_id, post_code, status
      from ods.core_staff
     where biz_date = :biz_date
),
final as (
    select * from staff
)
select * from final order by staff_id
