-- description: the years the channel marts hold data for, which the channel pages' year lists offer
-- grain: one row per year
-- column: year: a calendar year with at least one business date in mart.ebank_org_daily
with dates as (
    select distinct biz_date from mart.ebank_org_daily
),
final as (
    select distinct cast(extract(year from biz_date) as integer) as year from dates
)
select * from final order by year
