-- description: how many POS sales the review rules flagged within a scope in a period, for the home page's list of what needs attention
-- grain: one row
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: flagged: flagged sales (a sale flagged by two rules counts once)
with final as (
    select count(distinct m.pos_txn_seq) as flagged
      from mart.pos_alert_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
)
select * from final
