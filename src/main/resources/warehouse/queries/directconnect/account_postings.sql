-- description: the core's postings of one deposit account over a period, with the counterparty and memo the core delivered, in the order they were booked
-- grain: one row per posting (biz_date, txn_seq)
-- param: acct_no: the account
-- param: from_date: the first business date
-- param: to_date: the last business date
-- column: biz_date: the business date it was booked on
-- column: txn_seq: the core's posting number, unique within the date
-- column: txn_time: when the core booked it (Beijing time)
-- column: signed_amount: yuan, positive for a credit, negative for a debit
-- column: txn_code: the core's transaction code
-- column: reversal: true for a reversal (冲正)
-- column: opp_acct_no: the counterparty's account, if delivered
-- column: opp_name: the counterparty's name, if delivered
-- column: memo: the memo, if delivered
with postings as (
    select biz_date, txn_seq, txn_time, signed_amount, txn_code, reversal
      from dw.fact_deposit_txn
     where acct_no = :acct_no and biz_date between :from_date and :to_date
),
details as (
    select biz_date, txn_seq, opp_acct_no, opp_name, memo
      from ods.core_deposit_txn
     where biz_date between :from_date and :to_date
),
final as (
    select p.biz_date, p.txn_seq, p.txn_time, p.signed_amount, p.txn_code, p.reversal,
           d.opp_acct_no, d.opp_name, d.memo
      from postings p
      left join details d on d.biz_date = p.biz_date and d.txn_seq = p.txn_seq
)
select * from final order by biz_date, txn_time, txn_seq
