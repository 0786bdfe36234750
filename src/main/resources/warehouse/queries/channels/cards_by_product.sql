-- description: debit cards by product and medium over a period: live cards on its last data date, new cards in it
-- grain: one row per card product and medium with a row in mart.card_org_daily within the period
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period, the date of the stocks
-- column: product: the card product
-- column: medium: the medium (I chip, M magnetic stripe)
-- column: cards: live (not cancelled) cards on to_date
-- column: new_cards: cards issued within the period, chip replacements excluded
with final as (
    select m.card_product as product, m.medium,
           cast(sum(case when m.biz_date = :to_date and m.card_status <> 'C' then m.cards else 0 end) as bigint) as cards,
           cast(sum(m.new_cards) as bigint) as new_cards
      from mart.card_org_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by m.card_product, m.medium
)
select * from final order by product, medium
