-- description: new debit cards month by month for each branch, its outlets' with its own, over a period: the per-branch trend lines of the cards page
-- grain: one row per open branch (org level 2 on to_date) within the scope and month with a data date within the period; by branch path, then month
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period (the date of the org tree)
-- column: org_id: the branch
-- column: org_name: its name on to_date
-- column: org_path: its materialized path (the order of the rows)
-- column: month: the month as year * 100 + month (202503)
-- column: new_cards: cards issued in the month within the period by the branch and the orgs below it, chip replacements excluded
with months as (
    select distinct year(biz_date) * 100 + month(biz_date) as month
      from mart.ebank_org_daily where biz_date between :from_date and :to_date
),
branches as (
    select org_id, org_name, org_path from dw.dim_org
     where {{ valid_on(:to_date) }} and org_level = 2 and status = 'A'
),
own as (
    select year(m.biz_date) * 100 + month(m.biz_date) as month, m.org_path, sum(m.new_cards) as new_cards
      from mart.ebank_org_daily m
     where m.biz_date between :from_date and :to_date
     group by year(m.biz_date) * 100 + month(m.biz_date), m.org_path
),
final as (
    select b.org_id, b.org_name, b.org_path, t.month, cast(coalesce(sum(o.new_cards), 0) as bigint) as new_cards
      from branches b cross join months t
      left join own o on o.month = t.month and o.org_path like b.org_path || '%'
     where {{ org_scope(b.org_path) }}
     group by b.org_id, b.org_name, b.org_path, t.month
)
select * from final order by org_path, month
