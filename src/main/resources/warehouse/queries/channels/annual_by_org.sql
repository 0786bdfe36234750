-- description: the annual report's figures of each org: stocks on the year's last data date, flows over the year
-- grain: one row per org with a row in mart.ebank_org_daily within the year, in org-path order
-- param: from_date: the year's first data date
-- param: to_date: the year's last data date, the date of the stocks and of the org names
-- column: org_id: the org
-- column: org_name: its name on to_date; null when dw.dim_org has no version then
-- column: org_path: its materialized path (the order of the rows)
-- column: cards: live cards on to_date
-- column: new_cards: cards issued in the year up to to_date, chip replacements excluded
-- column: card_balance: balance of the accounts of live cards on to_date, yuan
-- column: pnet_users: personal online-banking users on to_date
-- column: sms_users: SMS-alert sign-ups on to_date
-- column: merchants: POS merchants on to_date
-- column: pos_txn: successful POS transactions over the year
-- column: pos_amount: their amount, yuan
-- column: device_txn: self-service device transactions over the year, failed ones included
-- column: device_fee: device fee income over the year, yuan
with names as (
    select org_id, org_name from dw.dim_org where {{ valid_on(:to_date) }}
),
figures as (
    select m.org_id, min(m.org_path) as org_path,
           cast(sum(case when m.biz_date = :to_date then m.cards else 0 end) as bigint) as cards,
           cast(sum(case when m.biz_date = :to_date then m.new_cards_ytd else 0 end) as bigint) as new_cards,
           cast(sum(case when m.biz_date = :to_date then m.card_balance else 0 end) as decimal(18, 2)) as card_balance,
           cast(sum(case when m.biz_date = :to_date then m.pnet_users else 0 end) as bigint) as pnet_users,
           cast(sum(case when m.biz_date = :to_date then m.sms_users else 0 end) as bigint) as sms_users,
           cast(sum(case when m.biz_date = :to_date then m.merchants else 0 end) as bigint) as merchants,
           cast(sum(m.pos_txn) as bigint) as pos_txn,
           cast(coalesce(sum(m.pos_amount), 0) as decimal(18, 2)) as pos_amount,
           cast(sum(m.device_txn) as bigint) as device_txn,
           cast(coalesce(sum(m.device_fee), 0) as decimal(18, 2)) as device_fee
      from mart.ebank_org_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by m.org_id
),
final as (
    select f.org_id, n.org_name, f.org_path, f.cards, f.new_cards, f.card_balance, f.pnet_users, f.sms_users,
           f.merchants, f.pos_txn, f.pos_amount, f.device_txn, f.device_fee
      from figures f left join names n on n.org_id = f.org_id
)
select * from final order by org_path, org_id
