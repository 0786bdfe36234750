-- description: 积分计积基础：每个客户当日的 POS 刷卡消费、代发工资入账、按时还款笔数、新签约的电子银行种类、电子银行成功交易笔数与日终存款余额，供积分规则按日（及按月）计积。
-- grain: 每个业务日期、客户一行（当日有存款、消费、代发、还款、新签约或电子银行交易之一的客户）
-- materialized: partition
-- column: cust_id: 客户号
-- column: org_path: 客户开户机构的路径（按机构范围过滤）
-- column: deposit_balance: 日终存款余额（元），月日均由各日之和除以当月天数
-- column: pos_spend: 当日本行卡 POS 消费金额（元，交易码 4001，冲正不计）
-- column: payroll_in: 当日代发工资入账金额（元，交易码 6003）
-- column: on_time_repayments: 当日按时还款笔数（无罚息、借据无逾期天数）
-- column: ebank_signups: 当日新签约的电子银行种类数（个人网银、手机银行、短信等）
-- column: ebank_txns: 当日通过网上银行、手机银行成功完成的交易笔数（电子银行活跃）
-- test: unique cust_id
-- test: not_null org_path
with accounts as (
    select acct_no, cust_id from dw.dim_deposit_account where {{ valid_on_t }}
),
txns as (
    select a.cust_id,
           sum(case when t.txn_code = '4001' and t.dc_flag = 'D' and not t.reversal then t.amount else 0 end)
               as pos_spend,
           sum(case when t.txn_code = '6003' and t.dc_flag = 'C' and not t.reversal then t.amount else 0 end)
               as payroll_in
      from dw.fact_deposit_txn t
      join accounts a on a.acct_no = t.acct_no
     where t.biz_date = {{ biz_date }} and t.txn_code in ('4001', '6003')
     group by a.cust_id
),
repayments as (
    select l.cust_id, count(*) as on_time_repayments
      from ods.cred_repayment r
      join dw.dim_loan l on l.loan_no = r.loan_no and {{ valid_on_t(l) }}
      join dw.loan_balance b on b.loan_no = r.loan_no and {{ valid_on_t(b) }}
     where r.biz_date = {{ biz_date }} and r.penalty = 0 and b.dpd = 0
     group by l.cust_id
),
signups as (
    select cust_id, count(distinct eb_type) as ebank_signups
      from dw.dim_eb_user
     where {{ valid_on_t }} and sign_date = {{ biz_date }} and status = 'A'
     group by cust_id
),
activity as (
    select u.cust_id, count(*) as ebank_txns
      from ods.eb_txn t
      join dw.dim_eb_user u on u.eb_user_id = t.eb_user_id and {{ valid_on_t(u) }}
     where t.biz_date = {{ biz_date }} and t.status = 'S'
     group by u.cust_id
),
customers as (
    select cust_id, org_path, deposit_balance from mart.customer_daily where biz_date = {{ biz_date }}
),
keys as (
    select cust_id from customers where deposit_balance > 0
    union select cust_id from txns
    union select cust_id from repayments
    union select cust_id from signups
    union select cust_id from activity
),
final as (
    select {{ biz_date }} as biz_date, k.cust_id, c.org_path,
           cast(coalesce(c.deposit_balance, 0) as decimal(18, 2)) as deposit_balance,
           cast(coalesce(t.pos_spend, 0) as decimal(18, 2)) as pos_spend,
           cast(coalesce(t.payroll_in, 0) as decimal(18, 2)) as payroll_in,
           coalesce(r.on_time_repayments, 0) as on_time_repayments,
           coalesce(s.ebank_signups, 0) as ebank_signups,
           coalesce(a.ebank_txns, 0) as ebank_txns
      from keys k
      join customers c on c.cust_id = k.cust_id
      left join txns t on t.cust_id = k.cust_id
      left join repayments r on r.cust_id = k.cust_id
      left join signups s on s.cust_id = k.cust_id
      left join activity a on a.cust_id = k.cust_id
)
select * from final
