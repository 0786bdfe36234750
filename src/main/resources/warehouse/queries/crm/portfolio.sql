-- description: one member of staff's portfolio on a date: the customers mart.crm_portfolio credits to them, within the scope, with their deposits on the date
-- grain: one row per customer, by name and id
-- param: staff_id: the member of staff
-- param: business_date: the date
-- column: cust_id: the customer
-- column: cust_type: P person, C company
-- column: cust_name: the name
-- column: org_id: the customer's opening org
-- column: objects: how many of the customer's objects (the customer, accounts, loans, cards, sign-ups, merchants) credit them
-- column: share_sum: the sum of their shares over those objects
-- column: deposit_balance: the customer's deposits on the date (yuan)
with portfolio as (
    select p.cust_id, p.objects, p.share_sum, p.org_id
      from mart.crm_portfolio p
     where p.biz_date = :business_date and p.staff_id = :staff_id and {{ org_scope(p.org_path, p.staff_id) }}
),
customers as (
    select cust_id, cust_type, cust_name from dw.dim_customer where {{ valid_on(:business_date) }}
),
deposits as (
    select d.cust_id, d.deposit_balance from mart.customer_daily d
      join portfolio p on p.cust_id = d.cust_id
     where d.biz_date = :business_date
),
final as (
    select p.cust_id, c.cust_type, c.cust_name, p.org_id, p.objects, p.share_sum,
           coalesce(d.deposit_balance, 0) as deposit_balance
      from portfolio p
      left join customers c on c.cust_id = p.cust_id
      left join deposits d on d.cust_id = p.cust_id
)
select * from final order by cust_name, cust_id
