-- description: one customer's deposit accounts on a date: balance on the date and the sum of daily balances over the period (the daily average is that sum divided by the period's days, rounded once by the caller)
-- grain: one row per deposit account of the customer (within the scope) whose version is valid on to_date, by opening date
-- param: cust_id: the customer
-- param: from_date: the first day of the daily-average period
-- param: to_date: the business date
-- column: acct_no: the account
-- column: product_code: the product
-- column: org_id: the opening org
-- column: open_date: the opening date
-- column: maturity_date: a time deposit's maturity
-- column: acct_status: N normal, F frozen, D dormant, C closed
-- column: balance: the balance on to_date (yuan)
-- column: balance_days: the sum of the daily balances over [from_date, to_date] (yuan × days)
-- column: balance_before: the balance on from_date (yuan), for the falling-balance warning
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
accounts as (
    select a.* from dw.dim_deposit_account a join customer c on c.cust_id = a.cust_id
     where a.cust_id = :cust_id and {{ valid_on(a, :to_date) }}
),
balances as (
    select b.acct_no,
           sum(case when {{ valid_on(b, :to_date) }} then b.balance else 0 end) as balance,
           sum(case when {{ valid_on(b, :from_date) }} then b.balance else 0 end) as balance_before,
           sum(b.balance * ({{ days_between(greatest(b.valid_from, :from_date), least(b.valid_to, :to_date)) }} + 1))
               as balance_days
      from dw.deposit_balance b join accounts a on a.acct_no = b.acct_no
     where b.valid_from <= :to_date and b.valid_to >= :from_date
     group by b.acct_no
),
final as (
    select a.acct_no, a.product_code, a.org_id, a.open_date, a.maturity_date, a.acct_status,
           cast(coalesce(b.balance, 0) as decimal(18, 2)) as balance,
           cast(coalesce(b.balance_days, 0) as decimal(38, 2)) as balance_days,
           cast(coalesce(b.balance_before, 0) as decimal(18, 2)) as balance_before
      from accounts a left join balances b on b.acct_no = a.acct_no
)
select * from final order by open_date, acct_no
