-- description: new debit cards issued (chip replacements excluded) in the period, per org: the year-to-date count on the period's last data day less that on the last data day before the period in the same year
-- grain: one row per org path with a row in mart.ebank_org_daily on either day
-- name_zh: 新增发卡
-- name_en: New cards
-- unit: 张
-- direction: UP
-- levels: bank,branch,department
-- perspective: CUSTOMER
-- ratio: false
-- flow: true
-- target_indicator: NEW_CARDS
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's materialized path
-- column: staff_id: null (an org row)
-- column: amount: the count
-- column: base: null (not a ratio)
with end_day as (
    select max(biz_date) as d from mart.ebank_org_daily where biz_date between :from_date and :to_date
),
start_day as (
    select max(biz_date) as d from mart.ebank_org_daily
     where biz_date < :from_date and year(biz_date) = year(cast(:from_date as date))
),
final as (
    select m.org_path, cast(null as varchar) as staff_id,
           cast(sum(case when m.biz_date = (select d from end_day) then m.new_cards_ytd else -(m.new_cards_ytd) end) as decimal(24, 4)) as amount,
           cast(null as decimal(24, 4)) as base
      from mart.ebank_org_daily m
     where m.biz_date in ((select d from end_day), (select d from start_day)) and m.org_path is not null
       and {{ org_scope(m.org_path) }}
     group by m.org_path
)
select * from final order by org_path
