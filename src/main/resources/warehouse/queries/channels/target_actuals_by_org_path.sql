-- description: what the target-decomposition table (任务分解表) measures, per org on one date; a branch's actuals are the sum over its subtree
-- grain: one row per org path with a row in mart.ebank_org_daily on the date
-- param: business_date: the date the actuals are taken on (a quarter's last data date)
-- column: org_path: the org's materialized path
-- column: new_cards: cards issued in the year up to the date, chip replacements excluded
-- column: balance_fen: balance of the accounts of live cards, fen
-- column: cards: live cards
-- column: users: personal and corporate online-banking users signed in the year up to the date
-- column: merchants: POS merchants signed in the year up to the date
-- column: sms: SMS-alert sign-ups in the year up to the date
with final as (
    select m.org_path, cast(sum(m.new_cards_ytd) as bigint) as new_cards,
           cast(sum(m.card_balance) * 100 as bigint) as balance_fen, cast(sum(m.cards) as bigint) as cards,
           cast(sum(m.pnet_new_ytd + m.cnet_new_ytd) as bigint) as users,
           cast(sum(m.merchants - m.merchants_before_year) as bigint) as merchants,
           cast(sum(m.sms_new_ytd) as bigint) as sms
      from mart.ebank_org_daily m
     where m.biz_date = :business_date and m.org_path is not null and {{ org_scope(m.org_path) }}
     group by m.org_path
)
select * from final
