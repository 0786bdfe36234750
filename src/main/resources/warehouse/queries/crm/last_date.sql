-- description: the last business date the customer marts hold, the date CRM pages stand on by default
-- grain: one row
-- column: last_date: the latest date of mart.customer_daily; null while it holds none
with dates as (
    select biz_date from mart.customer_daily
),
final as (
    select max(biz_date) as last_date from dates
)
select * from final
