-- description: the cards behind an org's figure on the channel pages: the live (not cancelled) cards the org issued (with those of the orgs below it, for a figure that counts them), on the stock's date; one page of them for the drill-down
-- grain: one row per card, at most :page_size from :page_offset, in card-number order
-- param: org_id: the issuing org
-- param: with_below: Y to take the cards of the orgs below it too (a rolled-up figure), N for its own
-- param: on_date: the date of the stock (the period's last data date)
-- param: page_size: how many rows the page shows
-- param: page_offset: how many rows come before the page
-- column: card_no: the card number (masked before it is shown)
-- column: card_product: JN 金农卡, SM 市民卡, SB 社保卡
-- column: medium: M magnetic stripe, I chip
-- column: issue_date: the day it was issued
-- column: card_status: N normal, U not activated, L reported lost
-- column: issue_org_id: the org that issued it
-- column: total_cards: how many cards the list has in all
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:on_date) }}
),
chosen as (
    select org_path from orgs where org_id = :org_id
),
cards as (
    select c.card_no, c.card_product, c.medium, c.issue_date, c.card_status, c.issue_org_id
      from dw.dim_card c
      join orgs o on o.org_id = c.issue_org_id
     where {{ valid_on(c, :on_date) }} and c.card_status <> 'C'
       and (c.issue_org_id = :org_id
            or (:with_below = 'Y' and o.org_path like (select max(org_path) from chosen) || '%'))
       and {{ org_scope(o.org_path) }}
),
final as (
    select card_no, card_product, medium, issue_date, card_status, issue_org_id, count(*) over () as total_cards
      from cards
)
select * from final order by card_no limit :page_size offset :page_offset
