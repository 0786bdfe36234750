-- description: e-channel substitution rate (电子银行替代率) over the period, per org where the transactions were booked: e-channel transactions over e-channel and counter transactions, reversals excluded
-- grain: one row per org path with a row in mart.channel_org_daily in the period
-- name_zh: 电子银行替代率
-- name_en: E-channel substitution rate
-- unit: %
-- direction: UP
-- levels: bank,branch,department
-- perspective: CUSTOMER
-- ratio: true
-- flow: false
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's materialized path
-- column: staff_id: null (an org row)
-- column: amount: e-channel transactions times 100, so that amount / base is per cent
-- column: base: e-channel and counter transactions
with final as (
    select m.org_path, cast(null as varchar) as staff_id,
           cast(sum(case when m.e_channel then m.txn_count else 0 end) * 100 as decimal(24, 4)) as amount,
           cast(sum(case when m.e_channel or m.channel = 'CNT' then m.txn_count else 0 end) as decimal(24, 4)) as base
      from mart.channel_org_daily m
     where m.biz_date between :from_date and :to_date and m.org_path is not null and {{ org_scope(m.org_path) }}
     group by m.org_path
)
select * from final order by org_path
