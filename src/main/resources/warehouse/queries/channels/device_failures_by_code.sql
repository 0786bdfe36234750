-- description: the devices' failed transactions over a period by error code, most frequent first
-- grain: one row per error code (empty when none was delivered)
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period
-- column: error_code: the error code; empty when the failure has none
-- column: failures: failed transactions with that code
with final as (
    select coalesce(m.error_code, '') as error_code, cast(sum(m.txn_count) as bigint) as failures
      from mart.device_txn_daily m
     where m.biz_date between :from_date and :to_date and m.status = 'F' and {{ org_scope(m.org_path) }}
     group by coalesce(m.error_code, '')
)
select * from final order by failures desc, error_code
