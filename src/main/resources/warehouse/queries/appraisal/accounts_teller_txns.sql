-- description: the accounts behind a counter-transaction figure: per account, the counter transactions a teller (or every teller when staff_id is null) booked in the period within the org rows asked
-- grain: one row per account, most transactions first
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- param: staff_id: the teller, or null for every teller of the org rows
-- column: account_no: the deposit account
-- column: cust_id: null (the transaction names no customer)
-- column: product_code: CNT (counter)
-- column: org_id: the booking org
-- column: staff_id: the teller
-- column: balance: the amount of the transactions, yuan
-- column: detail: the number of transactions, as text
-- column: new_in_period: always true
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
final as (
    select t.acct_no as account_no, cast(null as varchar) as cust_id, 'CNT' as product_code, t.org_id,
           t.teller_id as staff_id, cast(sum(t.amount) as decimal(18, 2)) as balance,
           cast(count(*) as varchar) as detail, true as new_in_period
      from dw.fact_deposit_txn t join orgs o on o.org_id = t.org_id
     where t.biz_date between :from_date and :to_date and t.channel = 'CNT' and not t.reversal
       and (cast(:staff_id as varchar) is null or t.teller_id = cast(:staff_id as varchar)) and {{ org_scope(o.org_path) }}
     group by t.acct_no, t.org_id, t.teller_id
)
select * from final order by cast(detail as integer) desc, account_no limit 500
