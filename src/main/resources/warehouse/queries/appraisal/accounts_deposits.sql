-- description: the deposit accounts behind a deposit figure: each account's balance on the period's last data day within the org rows asked (deposits are credited to people with the credit shares; without them staff_id only narrows nothing)
-- grain: one row per account, largest balance first
-- param: from_date: the first day of the period (accounts opened since are flagged new)
-- param: to_date: the last day of the period
-- param: staff_id: ignored for deposits booked by org (kept so every figure's accounts are asked alike); null for all
-- column: account_no: the deposit account
-- column: cust_id: the holder's customer number
-- column: product_code: CUR, FIX or NTC
-- column: org_id: the opening org
-- column: staff_id: null
-- column: balance: the balance, yuan
-- column: detail: null
-- column: new_in_period: opened within the period
with last_day as (
    select max(biz_date) as d from mart.deposit_org_daily where biz_date between :from_date and :to_date
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
accounts as (
    select a.acct_no, a.cust_id, a.product_code, a.open_date
      from dw.dim_deposit_account a, last_day t
     where {{ valid_on(a, t.d) }}
),
balances as (
    select b.acct_no, b.org_id, b.balance
      from dw.deposit_balance b, last_day t
     where {{ valid_on(b, t.d) }} and b.balance > 0
),
final as (
    select b.acct_no as account_no, a.cust_id, a.product_code, b.org_id, cast(:staff_id as varchar) as staff_id,
           b.balance, cast(null as varchar) as detail, a.open_date >= :from_date as new_in_period
      from balances b
      join accounts a on a.acct_no = b.acct_no
      join orgs o on o.org_id = b.org_id
     where {{ org_scope(o.org_path) }}
)
select * from final order by balance desc, account_no limit 500
