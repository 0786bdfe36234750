-- description: the deposit accounts behind a deposit figure on the period's last data day within the org rows asked: with staff_id, the accounts credited to that member of staff (the account's own claim, else its holder's customer claim, as deposit_daily_avg credits them) with the part of each balance credited to them; without, every account with its whole balance
-- grain: one row per account, largest balance first
-- param: from_date: the first day of the period (accounts opened since are flagged new)
-- param: to_date: the last day of the period
-- param: staff_id: the credited member of staff, or null for every account of the org rows
-- column: account_no: the deposit account
-- column: cust_id: the holder's customer number
-- column: product_code: CUR, FIX or NTC
-- column: org_id: the opening org
-- column: staff_id: the credited member of staff asked, else null
-- column: balance: the balance (with staff_id: balance × their share, rounded half-up to the fen), yuan
-- column: detail: with staff_id, their share of the account (0-1); else null
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
in_scope as (
    select b.acct_no, a.cust_id, a.product_code, b.org_id, b.balance, a.open_date
      from balances b
      join accounts a on a.acct_no = b.acct_no
      join orgs o on o.org_id = b.org_id
     where {{ org_scope(o.org_path) }}
),
account_shares as (
    select c.object_id as acct_no, c.staff_id, c.share
      from mart.credit_share c, last_day t
     where c.object_kind = 'DEPOSIT' and {{ valid_on(c, t.d) }}
),
customer_shares as (
    select c.object_id as cust_id, c.staff_id, c.share
      from mart.credit_share c, last_day t
     where c.object_kind = 'CUSTOMER' and c.staff_id is not null and {{ valid_on(c, t.d) }}
),
credited as (
    select a.acct_no, s.share
      from in_scope a
      join account_shares s on s.acct_no = a.acct_no
     where s.staff_id = cast(:staff_id as varchar)
    union all
    select a.acct_no, s.share
      from in_scope a
      join customer_shares s on s.cust_id = a.cust_id
     where s.staff_id = cast(:staff_id as varchar)
       and not exists (select 1 from account_shares o where o.acct_no = a.acct_no)
),
final as (
    select a.acct_no as account_no, a.cust_id, a.product_code, a.org_id, cast(:staff_id as varchar) as staff_id,
           case when c.share is null then a.balance
                else cast(round(a.balance * c.share, 2) as decimal(18, 2)) end as balance,
           cast(c.share as varchar) as detail, a.open_date >= :from_date as new_in_period
      from in_scope a
      left join credited c on c.acct_no = a.acct_no
     where cast(:staff_id as varchar) is null or c.share > 0
)
select * from final order by balance desc, account_no limit 500
