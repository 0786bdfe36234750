-- description: debit cards month by month over a period: new cards issued, live chip and magnetic cards on the month's last data date
-- grain: one row per month with a data date within the period
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period
-- column: month: the month as year * 100 + month (202503)
-- column: new_cards: cards issued in the month within the period, chip replacements excluded
-- column: chip: live chip cards on the month's last data date
-- column: magnetic: live magnetic-stripe cards on the month's last data date
with month_end as (
    select year(biz_date) * 100 + month(biz_date) as month, max(biz_date) as last_date
      from mart.ebank_org_daily
     where biz_date between :from_date and :to_date
     group by year(biz_date) * 100 + month(biz_date)
),
final as (
    select me.month,
           cast(sum(m.new_cards) as bigint) as new_cards,
           cast(sum(case when m.biz_date = me.last_date then m.chip_cards else 0 end) as bigint) as chip,
           cast(sum(case when m.biz_date = me.last_date then m.cards - m.chip_cards else 0 end) as bigint) as magnetic
      from mart.ebank_org_daily m join month_end me on me.month = year(m.biz_date) * 100 + month(m.biz_date)
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by me.month
)
select * from final order by month
