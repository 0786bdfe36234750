-- description: each village terminal (金农便民宝) over a period: its host shop, transactions, successful ones and their amount
-- grain: one row per village terminal with a row in mart.device_daily within the period, by org then terminal
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period, the date of location and shop
-- column: device_id: the terminal
-- column: org_id: the org it belongs to
-- column: txns: transactions, failed ones included
-- column: successful: successful transactions
-- column: amount: amount of successful transactions, yuan
-- column: location: its village on to_date
-- column: merchant_id: the host shop on to_date
-- column: merchant_name: the host shop's name on to_date
with info as (
    select device_id, location, merchant_id from dw.dim_device where {{ valid_on(:to_date) }}
),
shops as (
    select merchant_id, merchant_name from dw.dim_merchant where {{ valid_on(:to_date) }}
),
per_terminal as (
    select m.device_id, max(m.org_id) as org_id, cast(sum(m.txn_count) as bigint) as txns,
           cast(sum(m.txn_count - m.failures) as bigint) as successful,
           cast(sum(m.amount) as decimal(18, 2)) as amount
      from mart.device_daily m
     where m.biz_date between :from_date and :to_date and m.device_type = 'BMB' and {{ org_scope(m.org_path) }}
     group by m.device_id
),
final as (
    select t.device_id, t.org_id, t.txns, t.successful, t.amount, i.location, i.merchant_id, s.merchant_name
      from per_terminal t
      left join info i on i.device_id = t.device_id
      left join shops s on s.merchant_id = i.merchant_id
)
select * from final order by org_id, device_id
