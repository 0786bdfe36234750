-- description: the channel figures of every open org of the bank, its own and those of the orgs below it together, over a period and the two periods it is compared with (环比: the period before; 同比: the same period a year earlier); stocks are those of each period's last data date in mart.ebank_org_daily, flows are summed over the period's data dates; each org is ranked among all the bank's open orgs of its level before the rows are narrowed to the scope, so a branch head sees the branch's place in the bank
-- grain: one row per period the mart holds a date in, open org within the scope (on to_date) and measure asked for; in period, org-path and measure order
-- param: from_date: the first day of the period shown
-- param: to_date: the last day of the period shown (the date of the org tree)
-- param: previous_from: the first day of the period before (环比)
-- param: previous_to: the last day of the period before
-- param: year_ago_from: the first day of the same period a year earlier (同比)
-- param: year_ago_to: the last day of the same period a year earlier
-- param: with_rate: Y to read mart.channel_org_daily for SUBSTITUTION_RATE; N leaves the rate null (a page that does not show it spares the read)
-- param: measures: the measures the page shows, comma-separated between commas (",CARDS,NEW_CARDS,"); only these are unpivoted, ranked and returned
-- column: period: NOW, PREVIOUS or YEAR_AGO
-- column: data_date: the period's last data date, the date of its stocks
-- column: org_id: the org
-- column: org_name: its name on to_date
-- column: org_level: 1 head office, 2 branch, 3 outlet
-- column: parent_org_id: the org above it; null for the head office
-- column: org_path: its materialized path (the order of the rows)
-- column: measure: the figure: CARDS (live (not cancelled) cards, by issuing org), NEW_CARDS (new cards issued in the period, chip replacements excluded), CARD_BALANCE (balance of the accounts of live cards, yuan), SMS_USERS (SMS-alert sign-ups), DEVICES (self-service devices (village terminals excluded)), DEVICE_TXN (self-service device transactions, failed included), DEVICE_FEE (self-service device fee income, yuan), VILLAGE_TERMINALS (village terminals (便民宝)), VILLAGE_TXN (successful village-terminal transactions), MERCHANTS (POS merchants), POS_TXN (successful POS transactions), POS_AMOUNT (successful POS sales, yuan), POS_FEE (POS fee income, yuan), PNET_USERS (personal online-banking users, by signing org), CNET_USERS (corporate online-banking users, by signing org), MOB_USERS (mobile-banking users, by signing org), SUBSTITUTION_RATE (e-channel transactions of mart.channel_org_daily as a percentage of e-channel and counter ones, reversals excluded, two decimals rounded half-up; null without any)
-- column: value: the figure of the org with the orgs below it: a count, yuan where the measure says so, a percentage for the rate
-- column: bank_rank: the org's place among the bank's open orgs of its level by value, largest first (a rate without any transaction last); equal values share a place
-- column: level_orgs: how many open orgs of its level the bank has
with held as (
    select distinct biz_date from mart.ebank_org_daily
     where biz_date between :from_date and :to_date or biz_date between :previous_from and :previous_to
        or biz_date between :year_ago_from and :year_ago_to
),
periods as (
    select 'NOW' as period, min(biz_date) as first_date, max(biz_date) as data_date
      from held where biz_date between :from_date and :to_date
    union all
    select 'PREVIOUS' as period, min(biz_date) as first_date, max(biz_date) as data_date
      from held where biz_date between :previous_from and :previous_to
    union all
    select 'YEAR_AGO' as period, min(biz_date) as first_date, max(biz_date) as data_date
      from held where biz_date between :year_ago_from and :year_ago_to
),
held_periods as (
    select period, first_date, data_date from periods where data_date is not null
),
period_dates as (
    select p.period, p.data_date, h.biz_date
      from held_periods p join held h on h.biz_date between p.first_date and p.data_date
),
own as (
    select p.period, m.org_path,
           sum(case when m.biz_date = p.data_date then m.cards else 0 end) as cards,
           sum(m.new_cards) as new_cards,
           sum(case when m.biz_date = p.data_date then m.card_balance else 0 end) as card_balance,
           sum(case when m.biz_date = p.data_date then m.sms_users else 0 end) as sms_users,
           sum(case when m.biz_date = p.data_date then m.devices else 0 end) as devices,
           sum(m.device_txn) as device_txn,
           sum(m.device_fee) as device_fee,
           sum(case when m.biz_date = p.data_date then m.bmb_terminals else 0 end) as bmb_terminals,
           sum(m.bmb_success) as bmb_success,
           sum(case when m.biz_date = p.data_date then m.merchants else 0 end) as merchants,
           sum(m.pos_txn) as pos_txn,
           sum(m.pos_amount) as pos_amount,
           sum(m.pos_fee) as pos_fee,
           sum(case when m.biz_date = p.data_date then m.pnet_users else 0 end) as pnet_users,
           sum(case when m.biz_date = p.data_date then m.cnet_users else 0 end) as cnet_users,
           sum(case when m.biz_date = p.data_date then m.mob_users else 0 end) as mob_users
      from period_dates p join mart.ebank_org_daily m on m.biz_date = p.biz_date
     group by p.period, m.org_path
),
channel_own as (
    select p.period, c.org_path,
           sum(case when c.e_channel then c.txn_count else 0 end) as e_txn,
           sum(case when c.e_channel or c.channel = 'CNT' then c.txn_count else 0 end) as all_txn
      from period_dates p join mart.channel_org_daily c on c.biz_date = p.biz_date
     where :with_rate = 'Y'
     group by p.period, c.org_path
),
orgs as (
    select org_id, org_name, org_level, parent_org_id, org_path from dw.dim_org
     where {{ valid_on(:to_date) }} and status = 'A'
),
rolled as (
    select p.period, p.data_date, o.org_id, o.org_name, o.org_level, o.parent_org_id, o.org_path,
           coalesce(sum(w.cards), 0) as cards,
           coalesce(sum(w.new_cards), 0) as new_cards,
           coalesce(sum(w.card_balance), 0) as card_balance,
           coalesce(sum(w.sms_users), 0) as sms_users,
           coalesce(sum(w.devices), 0) as devices,
           coalesce(sum(w.device_txn), 0) as device_txn,
           coalesce(sum(w.device_fee), 0) as device_fee,
           coalesce(sum(w.bmb_terminals), 0) as bmb_terminals,
           coalesce(sum(w.bmb_success), 0) as bmb_success,
           coalesce(sum(w.merchants), 0) as merchants,
           coalesce(sum(w.pos_txn), 0) as pos_txn,
           coalesce(sum(w.pos_amount), 0) as pos_amount,
           coalesce(sum(w.pos_fee), 0) as pos_fee,
           coalesce(sum(w.pnet_users), 0) as pnet_users,
           coalesce(sum(w.cnet_users), 0) as cnet_users,
           coalesce(sum(w.mob_users), 0) as mob_users
      from held_periods p cross join orgs o
      left join own w on w.period = p.period and w.org_path like o.org_path || '%'
     group by p.period, p.data_date, o.org_id, o.org_name, o.org_level, o.parent_org_id, o.org_path
),
channel_rolled as (
    select p.period, o.org_id, coalesce(sum(w.e_txn), 0) as e_txn, coalesce(sum(w.all_txn), 0) as all_txn
      from held_periods p cross join orgs o
      left join channel_own w on w.period = p.period and w.org_path like o.org_path || '%'
     group by p.period, o.org_id
),
rated as (
    select r.*,
           case when c.all_txn > 0
                then cast({{ int_div(c.e_txn * 20000 + c.all_txn, c.all_txn * 2) }} as decimal(18, 2)) * 0.01
           end as rate
      from rolled r left join channel_rolled c on c.period = r.period and c.org_id = r.org_id
),
measure_names as (
    select measure from (values ('CARDS'), ('NEW_CARDS'), ('CARD_BALANCE'), ('SMS_USERS'), ('DEVICES'), ('DEVICE_TXN'), ('DEVICE_FEE'), ('VILLAGE_TERMINALS'), ('VILLAGE_TXN'), ('MERCHANTS'), ('POS_TXN'), ('POS_AMOUNT'), ('POS_FEE'), ('PNET_USERS'), ('CNET_USERS'), ('MOB_USERS'), ('SUBSTITUTION_RATE')) as v(measure)
     where position(',' || measure || ',' in :measures) > 0
),
measures as (
    select r.period, r.data_date, r.org_id, r.org_name, r.org_level, r.parent_org_id, r.org_path, n.measure,
           case n.measure
                    when 'CARDS' then cast(r.cards as decimal(18, 2))
                    when 'NEW_CARDS' then cast(r.new_cards as decimal(18, 2))
                    when 'CARD_BALANCE' then cast(r.card_balance as decimal(18, 2))
                    when 'SMS_USERS' then cast(r.sms_users as decimal(18, 2))
                    when 'DEVICES' then cast(r.devices as decimal(18, 2))
                    when 'DEVICE_TXN' then cast(r.device_txn as decimal(18, 2))
                    when 'DEVICE_FEE' then cast(r.device_fee as decimal(18, 2))
                    when 'VILLAGE_TERMINALS' then cast(r.bmb_terminals as decimal(18, 2))
                    when 'VILLAGE_TXN' then cast(r.bmb_success as decimal(18, 2))
                    when 'MERCHANTS' then cast(r.merchants as decimal(18, 2))
                    when 'POS_TXN' then cast(r.pos_txn as decimal(18, 2))
                    when 'POS_AMOUNT' then cast(r.pos_amount as decimal(18, 2))
                    when 'POS_FEE' then cast(r.pos_fee as decimal(18, 2))
                    when 'PNET_USERS' then cast(r.pnet_users as decimal(18, 2))
                    when 'CNET_USERS' then cast(r.cnet_users as decimal(18, 2))
                    when 'MOB_USERS' then cast(r.mob_users as decimal(18, 2))
                    when 'SUBSTITUTION_RATE' then cast(r.rate as decimal(18, 2))
           end as value
      from rated r cross join measure_names n
),
ranked as (
    select s.*, rank() over (partition by s.period, s.org_level, s.measure order by s.value desc nulls last) as bank_rank,
           count(*) over (partition by s.period, s.org_level, s.measure) as level_orgs
      from measures s
),
final as (
    select r.period, r.data_date, r.org_id, r.org_name, cast(r.org_level as integer) as org_level, r.parent_org_id,
           r.org_path, r.measure, r.value, cast(r.bank_rank as integer) as bank_rank,
           cast(r.level_orgs as integer) as level_orgs
      from ranked r
     where {{ org_scope(r.org_path) }}
)
select * from final order by period, org_path, measure
