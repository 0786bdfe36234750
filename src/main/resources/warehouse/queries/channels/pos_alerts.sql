-- description: POS sales a rule flagged for review within a period (ROUND, BURST, NIGHT), the latest first
-- grain: one row per flagged sale and rule, at most :alerts_shown
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period
-- param: alerts_shown: the most rows returned
-- column: biz_date: the date of the sale
-- column: rule: the rule that flagged it
-- column: pos_txn_seq: the sale's sequence number
-- column: merchant_id: the merchant
-- column: merchant_name: its name
-- column: org_id: the merchant's org
-- column: txn_time: the time of the sale, as text
-- column: card_no: the card number
-- column: card_type: the card's type
-- column: amount: the sale's amount, yuan
with final as (
    select m.biz_date, m.rule, m.pos_txn_seq, m.merchant_id, m.merchant_name, m.org_id,
           cast(m.txn_time as varchar) as txn_time, m.card_no, m.card_type, m.amount
      from mart.pos_alert_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
)
select * from final order by biz_date desc, txn_time desc, rule limit :alerts_shown
