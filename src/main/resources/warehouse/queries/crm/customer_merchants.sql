-- description: the POS merchants a customer runs, with their sales and fees over the period from mart.merchant_daily
-- grain: one row per merchant of the customer (within the scope) valid on to_date
-- param: cust_id: the customer
-- param: from_date: the first day of the period
-- param: to_date: the business date
-- column: merchant_id: the merchant
-- column: merchant_name: its name
-- column: status: its status
-- column: sign_date: the signing date
-- column: mdr: the discount rate
-- column: txn_count: successful transactions over the period
-- column: sale_amount: sales over the period (yuan)
-- column: mdr_fee: fee income over the period (yuan)
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
merchants as (
    select m.* from dw.dim_merchant m join customer c on c.cust_id = m.cust_id
     where m.cust_id = :cust_id and {{ valid_on(m, :to_date) }}
),
sales as (
    select d.merchant_id, sum(d.txn_count) as txn_count, sum(d.sale_amount) as sale_amount, sum(d.mdr_fee) as mdr_fee
      from mart.merchant_daily d
     where d.biz_date between :from_date and :to_date and d.merchant_id in (select merchant_id from merchants)
     group by d.merchant_id
),
final as (
    select m.merchant_id, m.merchant_name, m.status, m.sign_date, m.mdr, coalesce(s.txn_count, 0) as txn_count,
           cast(coalesce(s.sale_amount, 0) as decimal(18, 2)) as sale_amount,
           cast(coalesce(s.mdr_fee, 0) as decimal(18, 2)) as mdr_fee
      from merchants m left join sales s on s.merchant_id = m.merchant_id
)
select * from final order by merchant_id
