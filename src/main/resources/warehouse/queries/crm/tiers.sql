-- description: customers by value tier on a date: the tier by deposits (assets under management) from mart.customer_daily against thresholds the caller binds
-- grain: one row per tier that has customers within the scope (for a customer manager of own-customers scope, their portfolio on the date), highest first
-- param: business_date: the date
-- param: diamond_yuan: the least deposits of a diamond customer (yuan)
-- param: gold_yuan: the least deposits of a gold customer (yuan)
-- param: silver_yuan: the least deposits of a silver customer (yuan)
-- column: tier: DIAMOND, GOLD, SILVER or STANDARD
-- column: customers: how many customers
-- column: deposit_balance: their deposits (yuan)
-- column: loan_balance: their loans (yuan)
with scoped as (
    select distinct d.cust_id
      from mart.customer_daily d
      left join mart.crm_portfolio p on p.cust_id = d.cust_id and p.biz_date = d.biz_date
     where d.biz_date = :business_date and {{ org_scope(d.org_path, p.staff_id) }}
),
customers as (
    select d.deposit_balance, d.loan_balance,
           case when d.deposit_balance >= :diamond_yuan then 1 when d.deposit_balance >= :gold_yuan then 2
                when d.deposit_balance >= :silver_yuan then 3 else 4 end as rank
      from mart.customer_daily d
     where d.biz_date = :business_date and d.cust_id in (select cust_id from scoped)
),
final as (
    select case rank when 1 then 'DIAMOND' when 2 then 'GOLD' when 3 then 'SILVER' else 'STANDARD' end as tier,
           count(*) as customers, cast(sum(deposit_balance) as decimal(18, 2)) as deposit_balance,
           cast(sum(loan_balance) as decimal(18, 2)) as loan_balance, rank
      from customers group by rank
)
select tier, customers, deposit_balance, loan_balance from final order by rank
