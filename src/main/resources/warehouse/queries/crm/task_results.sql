-- description: the result of the tasks made from a marketing list, measured from the data on a later date: MAGNETIC_CARD a chip card in use issued after the list's date, PENSION_NO_EBANK an active online or mobile banking sign-up on to_date, RICH_NO_SMS an active SMS sign-up on to_date, SLEEPING_MERCHANT a transaction of one of the customer's merchants after the list's date
-- grain: one row per customer of the tasks (cust_ids) within the scope that reached the list's aim by to_date, by customer id
-- param: list_kind: MAGNETIC_CARD, PENSION_NO_EBANK, RICH_NO_SMS or SLEEPING_MERCHANT
-- param: from_date: the list's date (the day the tasks were made from it)
-- param: to_date: the date the result is measured on
-- param: cust_ids: the customers of the tasks, each between commas (",P1,P2,")
-- column: cust_id: the customer who reached the aim
-- column: detail: how: the chip card, the sign-up's date, the merchant
with tasked as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.valid_to = {{ open_end }} and instr(:cust_ids, ',' || c.cust_id || ',') > 0
       and {{ org_scope(o.org_path) }}
),
chip as (
    select k.cust_id, min(k.card_no) as detail from dw.dim_card k
     where :list_kind = 'MAGNETIC_CARD' and {{ valid_on(k, :to_date) }} and k.medium = 'I'
       and k.card_status in ('N', 'U') and k.issue_date > :from_date
       and k.cust_id in (select cust_id from tasked)
     group by k.cust_id
),
signed as (
    select u.cust_id, cast(min(u.sign_date) as varchar) as detail from dw.dim_eb_user u
     where {{ valid_on(u, :to_date) }} and u.status = 'A'
       and ((:list_kind = 'PENSION_NO_EBANK' and u.eb_type in ('PNET', 'MOB'))
            or (:list_kind = 'RICH_NO_SMS' and u.eb_type = 'SMS'))
       and u.cust_id in (select cust_id from tasked)
     group by u.cust_id
),
awake as (
    select m.cust_id, min(m.merchant_id) as detail
      from dw.dim_merchant m
      join mart.merchant_daily d on d.merchant_id = m.merchant_id and d.biz_date > :from_date
                                and d.biz_date <= :to_date
     where :list_kind = 'SLEEPING_MERCHANT' and {{ valid_on(m, :to_date) }}
       and m.cust_id in (select cust_id from tasked)
     group by m.cust_id
    having sum(d.txn_count) > 0
),
final as (
    select cust_id, detail from chip
    union all
    select cust_id, detail from signed
    union all
    select cust_id, detail from awake
)
select * from final order by cust_id
