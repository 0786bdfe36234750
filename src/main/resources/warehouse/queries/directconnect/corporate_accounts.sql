-- description: the open deposit accounts of company customers on a business date, as the core delivered them, for one account or one customer
-- grain: one row per account (acct_no)
-- param: business_date: the business date of the snapshot
-- param: acct_no: one account, or null for every account of the customer
-- param: cust_id: one customer, or null for the one account
-- column: acct_no: the account
-- column: cust_name: the company's name (current version)
-- column: cust_id: the customer
-- column: org_id: the account's org
-- column: currency: the currency code, null for CNY
-- column: balance: yuan at the end of the date
-- column: biz_date: the business date of the snapshot
with accounts as (
    select acct_no, cust_id, org_id, currency, balance, biz_date
      from ods.core_deposit_acct
     where biz_date = :business_date and acct_status <> 'C'
       and (cast(:acct_no as varchar) is null or acct_no = :acct_no)
       and (cast(:cust_id as varchar) is null or cust_id = :cust_id)
),
companies as (
    select cust_id, cust_name from dw.dim_customer where valid_to = {{ open_end }} and cust_type = 'C'
),
final as (
    select a.acct_no, c.cust_name, a.cust_id, a.org_id, a.currency, a.balance, a.biz_date
      from accounts a
      join companies c on c.cust_id = a.cust_id
)
select * from final order by acct_no
