-- description: 客户日终宽表：存款余额、贷款余额、卡数、电子银行签约，供客户 360、贡献度与积分使用。
-- grain: 每个业务日期、客户一行（当日有存款账户、贷款或卡的客户）
-- materialized: partition
-- column: org_path: 客户开户机构的路径（按机构范围过滤）
-- column: deposit_balance: 存款余额（元）
-- column: loan_balance: 贷款余额（元）
-- column: eb_types: 已签约的电子银行种类数
-- test: unique cust_id
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
customers as (
    select cust_id, cust_type, open_org_id from dw.dim_customer
     where {{ valid_on_t }}
),
deposits as (
    select a.cust_id, sum(b.balance) as balance, count(*) as accounts
      from dw.dim_deposit_account a
      join dw.deposit_balance b on b.acct_no = a.acct_no and {{ valid_on_t(b) }}
     where {{ valid_on_t(a) }} and a.acct_status <> 'C'
     group by a.cust_id
),
loans as (
    select l.cust_id, sum(b.balance) as balance
      from dw.dim_loan l
      join dw.loan_balance b on b.loan_no = l.loan_no and {{ valid_on_t(b) }}
     where {{ valid_on_t(l) }} and b.status = 'A'
     group by l.cust_id
),
cards as (
    select cust_id, count(*) as cards from dw.dim_card
     where {{ valid_on_t }} and card_status in ('N', 'U')
     group by cust_id
),
ebank as (
    select cust_id, count(distinct eb_type) as eb_types from dw.dim_eb_user
     where {{ valid_on_t }} and status = 'A'
     group by cust_id
),
keys as (
    select cust_id from deposits union select cust_id from loans union select cust_id from cards
),
final as (
    select {{ biz_date }} as biz_date, k.cust_id, c.cust_type, c.open_org_id as org_id, o.org_path,
           cast(coalesce(d.balance, 0) as decimal(18, 2)) as deposit_balance, coalesce(d.accounts, 0) as accounts,
           cast(coalesce(l.balance, 0) as decimal(18, 2)) as loan_balance, coalesce(cd.cards, 0) as cards,
           coalesce(e.eb_types, 0) as eb_types
      from keys k
      left join customers c on c.cust_id = k.cust_id
      left join orgs o on o.org_id = c.open_org_id
      left join deposits d on d.cust_id = k.cust_id
      left join loans l on l.cust_id = k.cust_id
      left join cards cd on cd.cust_id = k.cust_id
      left join ebank e on e.cust_id = k.cust_id
)
select * from final
