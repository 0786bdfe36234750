-- description: the last business date of a period the warehouse holds (the date an appraisal's figures stand on)
-- grain: one row
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: data_date: the latest date of mart.org_daily within the period; null when none
with final as (
    select max(biz_date) as data_date from mart.org_daily where biz_date between :from_date and :to_date
)
select * from final
