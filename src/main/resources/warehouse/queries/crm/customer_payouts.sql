-- description: the payouts a customer received into their accounts over a period: pensions, subsidies and salaries paid by agency batches
-- grain: one row per payout detail into an account of the customer (within the scope), newest first
-- param: cust_id: the customer
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: biz_date: the day paid
-- column: biz_type: PENSION, SUBSIDY or PAYROLL
-- column: payer_name: the paying unit
-- column: acct_no: the account paid into
-- column: amount: the amount (yuan)
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
accounts as (
    select distinct a.acct_no from dw.dim_deposit_account a join customer c on c.cust_id = a.cust_id
     where a.cust_id = :cust_id
),
final as (
    select f.biz_date, f.biz_type, f.payer_name, f.acct_no, f.amount
      from dw.fact_agency_detail f
     where f.biz_date between :from_date and :to_date and f.biz_type in ('PENSION', 'SUBSIDY', 'PAYROLL')
       and f.result = 'S' and f.acct_no in (select acct_no from accounts)
)
select * from final order by biz_date desc, acct_no
