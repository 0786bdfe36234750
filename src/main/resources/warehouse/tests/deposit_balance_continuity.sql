-- description: 每个存款账户 T 日余额 = T-1 日余额 + T 日贷方发生额 - T 日借方发生额（T-1 已入库时检查）
-- model: dw.deposit_balance
-- severity: error
with today as (
    select acct_no, balance from ods.core_deposit_acct where biz_date = {{ biz_date }}
),
yesterday as (
    select acct_no, balance from ods.core_deposit_acct where biz_date = {{ prev_date }}
),
moved as (
    select acct_no, sum(case when dc_flag = 'C' then amount else -amount end) as net
      from ods.core_deposit_txn where biz_date = {{ biz_date }} group by acct_no
),
accounts as (
    select acct_no from today union select acct_no from yesterday union select acct_no from moved
),
final as (
    select a.acct_no, y.balance as previous_balance, m.net as net_movement, t.balance
      from accounts a
      left join today t on t.acct_no = a.acct_no
      left join yesterday y on y.acct_no = a.acct_no
      left join moved m on m.acct_no = a.acct_no
     where exists (select 1 from yesterday)
       and coalesce(y.balance, 0) + coalesce(m.net, 0) <> coalesce(t.balance, 0)
)
select * from final
