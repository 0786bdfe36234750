-- description: e-channel and counter transactions per org and month of a year, reversals excluded, by the org where each was booked
-- grain: one row per org and month with a row in mart.channel_org_daily within the year, by org path then month
-- param: from_date: the first day of the year
-- param: to_date: the last day of the year
-- column: org_id: the org
-- column: org_path: its materialized path (the order of the rows)
-- column: month: the month, 1 to 12
-- column: e_count: transactions through online, corporate and mobile banking, ATMs, POS and village terminals
-- column: counter: counter transactions
-- column: org_name: the org's name in its latest version in dw.dim_org
with names as (
    select d.org_id, d.org_name
      from dw.dim_org d
     where d.valid_to = (select max(x.valid_to) from dw.dim_org x where x.org_id = d.org_id)
),
counts as (
    select m.org_id, min(m.org_path) as org_path, month(m.biz_date) as month,
           cast(sum(case when m.e_channel then m.txn_count else 0 end) as bigint) as e_count,
           cast(sum(case when m.channel = 'CNT' then m.txn_count else 0 end) as bigint) as counter
      from mart.channel_org_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by m.org_id, month(m.biz_date)
),
final as (
    select c.org_id, c.org_path, c.month, c.e_count, c.counter,
           (select max(n.org_name) from names n where n.org_id = c.org_id) as org_name
      from counts c
)
select * from final order by org_path, org_id, month
