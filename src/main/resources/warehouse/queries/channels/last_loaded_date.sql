-- description: the last business date the channel marts hold, where every channel page's period ends by default
-- grain: one row
-- column: last_date: the latest date of mart.ebank_org_daily; null while it holds none
with dates as (
    select biz_date from mart.ebank_org_daily
),
final as (
    select max(biz_date) as last_date from dates
)
select * from final
