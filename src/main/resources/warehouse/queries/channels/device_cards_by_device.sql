-- description: each device's transactions over a period by the bank that issued the card: the bank's own or another (the rural-credit network included)
-- grain: one row per device with a row in mart.device_txn_daily within the period
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period
-- column: device_id: the device
-- column: own_cards: transactions with the bank's own cards, failed ones included
-- column: other_cards: transactions with other banks' cards, failed ones included
with final as (
    select m.device_id,
           cast(sum(case when m.card_issuer = 'OWN' then m.txn_count else 0 end) as bigint) as own_cards,
           cast(sum(case when m.card_issuer <> 'OWN' then m.txn_count else 0 end) as bigint) as other_cards
      from mart.device_txn_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by m.device_id
)
select * from final order by device_id
