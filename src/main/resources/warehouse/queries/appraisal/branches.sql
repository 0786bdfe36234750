-- description: the branches appraised for a period: open orgs of level 2 on its last day, with their area class (U urban, S suburban, R rural)
-- grain: one row per branch, by org path
-- param: to_date: the last day of the period
-- column: org_id: the branch
-- column: org_name: its name
-- column: org_path: its materialized path
-- column: area_class: U, S or R
with final as (
    select o.org_id, o.org_name, o.org_path, o.area_class
      from dw.dim_org o
     where {{ valid_on(o, :to_date) }} and o.org_level = 2 and o.status = 'A'
       and {{ org_scope(o.org_path) }}
)
select * from final order by org_path
