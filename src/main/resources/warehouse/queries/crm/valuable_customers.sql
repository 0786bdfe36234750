-- description: the customers with the most deposits on a date (the valuable customers), from mart.customer_daily
-- grain: one row per customer within the scope (for a customer manager of own-customers scope, their portfolio on the date) with at least min_yuan of deposits, most deposits first; at most 200
-- param: business_date: the date
-- param: min_yuan: the least deposits listed (yuan)
-- column: cust_id: the customer
-- column: cust_type: P person, C company
-- column: cust_name: the name
-- column: org_id: the opening org
-- column: deposit_balance: deposits on the date (yuan)
-- column: loan_balance: loans on the date (yuan)
-- column: cards: cards held
-- column: eb_types: e-banking kinds signed
with scoped as (
    select distinct d.cust_id
      from mart.customer_daily d
      left join mart.crm_portfolio p on p.cust_id = d.cust_id and p.biz_date = d.biz_date
     where d.biz_date = :business_date and d.deposit_balance >= :min_yuan
       and {{ org_scope(d.org_path, p.staff_id) }}
),
daily as (
    select * from mart.customer_daily d
     where d.biz_date = :business_date and d.cust_id in (select cust_id from scoped)
),
names as (
    select cust_id, cust_name from dw.dim_customer where valid_to = {{ open_end }}
),
final as (
    select d.cust_id, d.cust_type, n.cust_name, d.org_id, d.deposit_balance, d.loan_balance, d.cards, d.eb_types
      from daily d left join names n on n.cust_id = d.cust_id
)
select * from final order by deposit_balance desc, cust_id limit 200
