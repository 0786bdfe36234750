-- description: 存款交易事实：当日流水，带交易机构路径与电子渠道标志（替代率的分子）。
-- grain: 每笔交易一行
-- materialized: partition
-- column: txn_seq: 交易流水号
-- column: channel: 渠道 CNT 柜面 ATM POS BMB 便民宝 NET CNET MOB BAT OTH
-- column: e_channel: 是否电子渠道（网银、手机、ATM、POS、便民宝）
-- test: unique txn_seq
-- test: accepted_values dc_flag D,C
-- test: accepted_values channel CNT,ATM,POS,BMB,NET,CNET,MOB,BAT,OTH
-- test: relationships acct_no dw.deposit_balance.acct_no
with final as (
    select {{ biz_date }} as biz_date, t.txn_seq, t.txn_time, t.acct_no, t.dc_flag, t.amount,
           case when t.dc_flag = 'C' then t.amount else -t.amount end as signed_amount,
           t.balance_after, t.channel, t.channel in ('NET', 'CNET', 'MOB', 'ATM', 'POS', 'BMB') as e_channel,
           t.txn_code, t.card_no, t.teller_id, t.org_id, t.device_id, t.reversal_flag = '1' as reversal
      from ods.core_deposit_txn t where t.biz_date = {{ biz_date }}
)
select * from final
