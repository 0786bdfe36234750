-- description: the annual report's stocks on one date, summed over the orgs in scope (docs/annual-report.md)
-- grain: one row
-- param: business_date: the date of the stocks (the year's last data date; its first for merchants at the start)
-- column: cards: live cards
-- column: new_cards: cards issued in the year up to the date, chip replacements excluded
-- column: chip: live chip cards
-- column: card_balance: balance of the accounts of live cards, yuan
-- column: devices: self-service devices (village terminals excluded)
-- column: new_devices: devices installed in the year up to the date
-- column: bmb: village terminals (金农便民宝)
-- column: merchants: POS merchants
-- column: merchants_old: POS merchants signed before the year
-- column: pnet_users: personal online-banking users
-- column: pnet_new: personal online-banking users signed in the year up to the date
-- column: cnet_users: corporate online-banking users
-- column: cnet_new: corporate online-banking users signed in the year up to the date
-- column: mob_users: mobile-banking users
-- column: mob_new: mobile-banking users signed in the year up to the date
-- column: sms_users: SMS-alert sign-ups
-- column: sms_new: SMS-alert sign-ups in the year up to the date
with stocks as (
    select * from mart.ebank_org_daily m where m.biz_date = :business_date and {{ org_scope(m.org_path) }}
),
final as (
    select cast(sum(cards) as bigint) as cards, cast(sum(new_cards_ytd) as bigint) as new_cards,
           cast(sum(chip_cards) as bigint) as chip,
           cast(coalesce(sum(card_balance), 0) as decimal(18, 2)) as card_balance,
           cast(sum(devices) as bigint) as devices, cast(sum(new_devices_ytd) as bigint) as new_devices,
           cast(sum(bmb_terminals) as bigint) as bmb, cast(sum(merchants) as bigint) as merchants,
           cast(sum(merchants_before_year) as bigint) as merchants_old,
           cast(sum(pnet_users) as bigint) as pnet_users, cast(sum(pnet_new_ytd) as bigint) as pnet_new,
           cast(sum(cnet_users) as bigint) as cnet_users, cast(sum(cnet_new_ytd) as bigint) as cnet_new,
           cast(sum(mob_users) as bigint) as mob_users, cast(sum(mob_new_ytd) as bigint) as mob_new,
           cast(sum(sms_users) as bigint) as sms_users, cast(sum(sms_new_ytd) as bigint) as sms_new
      from stocks
)
select * from final
