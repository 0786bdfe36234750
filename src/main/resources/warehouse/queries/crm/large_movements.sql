-- description: the large movements on a customer's deposit accounts over a period (a timeline event): transactions of at least the given amount, reversals left out
-- grain: one row per transaction of at least min_amount on an account of the customer (within the scope), newest first; at most 50
-- param: cust_id: the customer
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- param: min_amount: the smallest amount that counts as large (yuan)
-- column: biz_date: the day
-- column: acct_no: the account
-- column: dc_flag: D debit, C credit
-- column: amount: the amount (yuan)
-- column: channel: the channel
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
    select t.biz_date, t.acct_no, t.dc_flag, t.amount, t.channel, t.txn_seq
      from dw.fact_deposit_txn t
     where t.biz_date between :from_date and :to_date and t.amount >= :min_amount and not t.reversal
       and t.acct_no in (select acct_no from accounts)
)
select biz_date, acct_no, dc_flag, amount, channel from final order by biz_date desc, txn_seq desc limit 50
