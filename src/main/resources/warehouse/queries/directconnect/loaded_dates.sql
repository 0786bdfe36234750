-- description: the first and latest business dates the warehouse holds: those of the core's deposit accounts, a full snapshot delivered for every date and published with the date's models in one commit
-- grain: one row
-- column: first_date: the first date held; null while none is
-- column: last_date: the latest date held; null while none is
with dates as (
    select biz_date from ods.core_deposit_acct
),
final as (
    select min(biz_date) as first_date, max(biz_date) as last_date from dates
)
select * from final
