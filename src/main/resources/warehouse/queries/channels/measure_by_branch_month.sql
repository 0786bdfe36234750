-- description: one channel figure month by month for each branch, its outlets' with its own, over a period: the per-branch trend lines of the figure pages; a flow is summed over the month's data dates, a stock taken on the month's last data date, the substitution rate is the month's e-channel transactions as a percentage of e-channel and counter ones
-- grain: one row per open branch (org level 2 on to_date) within the scope and month with a data date within the period; by branch path, then month
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period (the date of the org tree)
-- param: measure: the figure, as ChannelMeasure names it: NEW_CARDS, CARDS, DEVICE_TXN, DEVICES, VILLAGE_TXN, VILLAGE_TERMINALS, POS_TXN, POS_AMOUNT, MERCHANTS, PNET_USERS, CNET_USERS, MOB_USERS or SUBSTITUTION_RATE
-- column: org_id: the branch
-- column: org_name: its name on to_date
-- column: org_path: its materialized path (the order of the rows)
-- column: month: the month as year * 100 + month (202503)
-- column: value: the figure of the branch and the orgs below it in the month: a count, yuan for POS_AMOUNT, a percentage with two decimals (rounded half-up; null without any transaction) for SUBSTITUTION_RATE
with held as (
    select biz_date, year(biz_date) * 100 + month(biz_date) as month
      from (select distinct biz_date from mart.ebank_org_daily where biz_date between :from_date and :to_date)
),
month_ends as (
    select month, max(biz_date) as last_date from held group by month
),
branches as (
    select org_id, org_name, org_path from dw.dim_org
     where {{ valid_on(:to_date) }} and org_level = 2 and status = 'A'
),
own as (
    select h.month, m.org_path,
           sum(case :measure
                   when 'NEW_CARDS' then m.new_cards
                   when 'DEVICE_TXN' then m.device_txn
                   when 'VILLAGE_TXN' then m.bmb_success
                   when 'POS_TXN' then m.pos_txn
                   when 'POS_AMOUNT' then m.pos_amount
                   when 'CARDS' then case when m.biz_date = e.last_date then m.cards else 0 end
                   when 'DEVICES' then case when m.biz_date = e.last_date then m.devices else 0 end
                   when 'VILLAGE_TERMINALS' then case when m.biz_date = e.last_date then m.bmb_terminals else 0 end
                   when 'MERCHANTS' then case when m.biz_date = e.last_date then m.merchants else 0 end
                   when 'PNET_USERS' then case when m.biz_date = e.last_date then m.pnet_users else 0 end
                   when 'CNET_USERS' then case when m.biz_date = e.last_date then m.cnet_users else 0 end
                   when 'MOB_USERS' then case when m.biz_date = e.last_date then m.mob_users else 0 end
               end) as value
      from held h
      join month_ends e on e.month = h.month
      join mart.ebank_org_daily m on m.biz_date = h.biz_date
     where :measure <> 'SUBSTITUTION_RATE'
     group by h.month, m.org_path
),
channel_own as (
    select h.month, c.org_path,
           sum(case when c.e_channel then c.txn_count else 0 end) as e_txn,
           sum(case when c.e_channel or c.channel = 'CNT' then c.txn_count else 0 end) as all_txn
      from held h join mart.channel_org_daily c on c.biz_date = h.biz_date
     where :measure = 'SUBSTITUTION_RATE'
     group by h.month, c.org_path
),
final as (
    select b.org_id, b.org_name, b.org_path, t.month,
           case when :measure = 'SUBSTITUTION_RATE'
                then case when coalesce(sum(c.all_txn), 0) = 0 then null
                          else round(cast(sum(c.e_txn) as decimal(38, 6)) * 100 / sum(c.all_txn), 2) end
                else cast(coalesce(sum(o.value), 0) as decimal(38, 2)) end as value
      from branches b cross join month_ends t
      left join own o on o.month = t.month and o.org_path like b.org_path || '%'
      left join channel_own c on c.month = t.month and c.org_path like b.org_path || '%'
     where {{ org_scope(b.org_path) }}
     group by b.org_id, b.org_name, b.org_path, t.month
)
select * from final order by org_path, month
