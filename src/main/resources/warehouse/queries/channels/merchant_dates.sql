-- description: the business dates mart.merchant_daily holds within a period asked for: the period narrowed to its data days
-- grain: one row
-- param: from_date: the first day of the period asked for
-- param: to_date: the last day of the period asked for
-- column: first_date: the first date held within the period; null when none is
-- column: last_date: the last date held within the period; null when none is
-- column: days: how many dates are held within the period
with dates as (
    select biz_date from mart.merchant_daily where biz_date between :from_date and :to_date
),
final as (
    select min(biz_date) as first_date, max(biz_date) as last_date, count(distinct biz_date) as days from dates
)
select * from final
