-- description: a marketing list made from the data for customer managers: MAGNETIC_CARD holders of a magnetic-stripe card still in use (to migrate to chip), PENSION_NO_EBANK pensioners paid in the period without online or mobile banking, RICH_NO_SMS customers with at least min_yuan of deposits on to_date without SMS notices, SLEEPING_MERCHANT customers running a merchant with no transaction in the period
-- grain: one row per customer of the list within the scope (their opening org; for a customer manager of own-customers scope, their portfolio on to_date), by customer id; at most 501 (the page shows 500 and says when there are more)
-- param: list_kind: MAGNETIC_CARD, PENSION_NO_EBANK, RICH_NO_SMS or SLEEPING_MERCHANT
-- param: from_date: the first day of the period (pensions paid, merchants' transactions)
-- param: to_date: the business date
-- param: min_yuan: the deposits from which a customer counts as having a high balance (yuan)
-- column: cust_id: the customer
-- column: cust_name: the name
-- column: mobile: the mobile (masked before it is shown)
-- column: org_id: the opening org
-- column: org_path: its path (the scope of a task made from the list)
-- column: detail: what put the customer on the list: the card, the last pension's date, the deposits, the merchant
with customers as (
    select cust_id, cust_name, mobile, open_org_id from dw.dim_customer where valid_to = {{ open_end }}
),
orgs as (
    select org_id, org_path from dw.dim_org where valid_to = {{ open_end }}
),
magnetic as (
    select k.cust_id, min(k.card_no) as detail from dw.dim_card k
     where :list_kind = 'MAGNETIC_CARD' and {{ valid_on(k, :to_date) }} and k.medium = 'M'
       and k.card_status in ('N', 'U')
     group by k.cust_id
),
pensioners as (
    select a.cust_id, cast(max(f.biz_date) as varchar) as detail
      from dw.fact_agency_detail f
      join dw.dim_deposit_account a on a.acct_no = f.acct_no and a.valid_to = {{ open_end }}
     where :list_kind = 'PENSION_NO_EBANK' and f.biz_type = 'PENSION' and f.result = 'S'
       and f.biz_date between :from_date and :to_date
     group by a.cust_id
),
ebank as (
    select distinct u.cust_id from dw.dim_eb_user u
     where {{ valid_on(u, :to_date) }} and u.status = 'A' and u.eb_type in ('PNET', 'MOB')
),
sms as (
    select distinct u.cust_id from dw.dim_eb_user u
     where {{ valid_on(u, :to_date) }} and u.status = 'A' and u.eb_type = 'SMS'
),
rich as (
    select d.cust_id, cast(d.deposit_balance as varchar) as detail from mart.customer_daily d
     where :list_kind = 'RICH_NO_SMS' and d.biz_date = :to_date and d.deposit_balance >= :min_yuan
),
sleeping as (
    select m.cust_id, min(m.merchant_id) as detail
      from dw.dim_merchant m
      join mart.merchant_daily d on d.merchant_id = m.merchant_id and d.biz_date between :from_date and :to_date
     where :list_kind = 'SLEEPING_MERCHANT' and {{ valid_on(m, :to_date) }} and m.status = 'A' and m.cust_id is not null
     group by m.cust_id
    having sum(d.txn_count) = 0
),
hits as (
    select cust_id, detail from magnetic
    union all
    select p.cust_id, p.detail from pensioners p where p.cust_id not in (select cust_id from ebank)
    union all
    select r.cust_id, r.detail from rich r where r.cust_id not in (select cust_id from sms)
    union all
    select cust_id, detail from sleeping
),
own as (
    select p.cust_id, p.staff_id from mart.crm_portfolio p where p.biz_date = :to_date
),
final as (
    select distinct c.cust_id, c.cust_name, c.mobile, c.open_org_id as org_id, o.org_path, h.detail
      from hits h
      join customers c on c.cust_id = h.cust_id
      join orgs o on o.org_id = c.open_org_id
      left join own p on p.cust_id = h.cust_id
     where {{ org_scope(o.org_path, p.staff_id) }}
)
select * from final order by cust_id limit 501
