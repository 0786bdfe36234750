-- description: the date the home page shows: the last business date the organisation mart holds on or before the day asked for
-- grain: one row
-- param: on_date: the day asked for (the open end for the last date held)
-- column: held_date: the last date held on or before it; null when none is
with dates as (
    select biz_date from mart.org_daily where biz_date <= :on_date
),
final as (
    select max(biz_date) as held_date from dates
)
select * from final
