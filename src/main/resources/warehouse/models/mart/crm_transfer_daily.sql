-- description: 客户之间的行内转账（CRM 频繁交易对手的日数据）：某业务日期每对付款客户→收款客户之间的行内转账笔数与金额。取 CORE_DEPOSIT_TXN 的借方记录（每笔转账只计付款一方），对方账号为本行账户（对方行号为空）且不是冲正；付款账户与对方账户按当日存款账户维度归属到客户，同一客户的账户之间互转不计。
-- grain: 每个业务日期、每对（from_cust_id 付款客户, to_cust_id 收款客户）一行
-- materialized: partition
-- column: from_cust_id: 付款客户
-- column: to_cust_id: 收款客户
-- column: transfers: 当日转账笔数
-- column: amount: 当日转账金额合计（元）
-- test: unique from_cust_id, to_cust_id
-- test: not_null from_cust_id
with accounts as (
    select acct_no, cust_id from dw.dim_deposit_account where {{ valid_on_t }}
),
debits as (
    select t.acct_no, t.opp_acct_no, t.amount
      from ods.core_deposit_txn t
     where t.biz_date = {{ biz_date }} and t.dc_flag = 'D' and coalesce(t.reversal_flag, '0') = '0'
       and t.opp_acct_no is not null and coalesce(t.opp_bank_code, '') = ''
),
pairs as (
    select p.cust_id as from_cust_id, q.cust_id as to_cust_id, count(*) as transfers, sum(d.amount) as amount
      from debits d
      join accounts p on p.acct_no = d.acct_no
      join accounts q on q.acct_no = d.opp_acct_no
     where p.cust_id <> q.cust_id
     group by p.cust_id, q.cust_id
),
final as (
    select {{ biz_date }} as biz_date, from_cust_id, to_cust_id, transfers, cast(amount as decimal(18, 2)) as amount
      from pairs
)
select * from final
