-- description: each org's debit cards over a period: stocks on the period's last data date, new cards summed over it
-- grain: one row per org with a row in mart.ebank_org_daily within the period, in org-path order
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period, the date of the stocks and of the org names
-- column: org_id: the org (issuing org of the cards)
-- column: org_name: its name on to_date; null when dw.dim_org has no version then
-- column: org_path: its materialized path (the order of the rows)
-- column: cards: live (not cancelled) cards on to_date
-- column: new_cards: cards issued within the period, chip replacements excluded
-- column: cancelled: cancelled cards on to_date
-- column: chip: live chip cards on to_date
-- column: dormant: live cards on dormant accounts on to_date
-- column: balance: balance of the accounts of live cards on to_date, yuan
-- column: sms: SMS-alert sign-ups on to_date
with names as (
    select org_id, org_name from dw.dim_org where {{ valid_on(:to_date) }}
),
figures as (
    select m.org_id, min(m.org_path) as org_path,
           cast(sum(case when m.biz_date = :to_date then m.cards else 0 end) as bigint) as cards,
           cast(sum(m.new_cards) as bigint) as new_cards,
           cast(sum(case when m.biz_date = :to_date then m.cancelled_cards else 0 end) as bigint) as cancelled,
           cast(sum(case when m.biz_date = :to_date then m.chip_cards else 0 end) as bigint) as chip,
           cast(sum(case when m.biz_date = :to_date then m.dormant_cards else 0 end) as bigint) as dormant,
           cast(sum(case when m.biz_date = :to_date then m.card_balance else 0 end) as decimal(18, 2)) as balance,
           cast(sum(case when m.biz_date = :to_date then m.sms_users else 0 end) as bigint) as sms
      from mart.ebank_org_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by m.org_id
),
final as (
    select f.org_id, n.org_name, f.org_path, f.cards, f.new_cards, f.cancelled, f.chip, f.dormant, f.balance, f.sms
      from figures f left join names n on n.org_id = f.org_id
)
select * from final order by org_path, org_id
