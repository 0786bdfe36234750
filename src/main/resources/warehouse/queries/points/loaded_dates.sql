-- description: the dates whose earning basis the warehouse holds, up to a date
-- grain: one row per loaded date, in date order
-- param: to_date: the last date wanted
-- column: biz_date: a loaded date
with dates as (
    select distinct biz_date from mart.points_basis_daily where biz_date <= :to_date
),
final as (
    select biz_date from dates
)
select * from final order by biz_date
