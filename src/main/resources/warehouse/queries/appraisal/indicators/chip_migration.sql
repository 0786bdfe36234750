-- description: chip migration (芯片卡迁移率): live chip cards over all live cards on the period's last data day, per issuing org
-- grain: one row per org path with a row in mart.ebank_org_daily on that day
-- name_zh: 芯片卡迁移率
-- name_en: Chip migration
-- unit: %
-- direction: UP
-- levels: bank,branch,department
-- perspective: GROWTH
-- ratio: true
-- flow: false
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's materialized path
-- column: staff_id: null (an org row)
-- column: amount: live chip cards times 100, so that amount / base is per cent
-- column: base: live cards
with end_day as (
    select max(biz_date) as d from mart.ebank_org_daily where biz_date between :from_date and :to_date
),
final as (
    select m.org_path, cast(null as varchar) as staff_id, cast(sum(m.chip_cards) * 100 as decimal(24, 4)) as amount,
           cast(sum(m.cards) as decimal(24, 4)) as base
      from mart.ebank_org_daily m
     where m.biz_date = (select d from end_day) and m.org_path is not null and {{ org_scope(m.org_path) }}
     group by m.org_path
)
select * from final order by org_path
