-- description: what each customer did on a date that daily earning rules count, from mart.points_basis_daily
-- grain: one row per customer with a POS spend, payroll received, an on-time repayment, an e-banking sign-up or an
--        e-banking transaction on the date
-- param: biz_date: the loaded date
-- column: cust_id: the customer
-- column: org_path: the path of the customer's org
-- column: pos_spend: POS spending with the bank's cards, yuan
-- column: payroll_in: payroll received, yuan
-- column: on_time_repayments: loan repayments made on time, count
-- column: ebank_signups: e-banking kinds signed up for, count
-- column: ebank_txns: successful online and mobile banking transactions, count (null on dates built before the
--         column existed: none)
-- column: deposit_balance: end-of-day deposits, yuan (a campaign's tier)
with basis as (
    select cust_id, org_path, pos_spend, payroll_in, on_time_repayments, ebank_signups,
           coalesce(ebank_txns, 0) as ebank_txns, deposit_balance
      from mart.points_basis_daily
     where biz_date = :biz_date and {{ org_scope(org_path) }}
),
final as (
    select * from basis
     where pos_spend > 0 or payroll_in > 0 or on_time_repayments > 0 or ebank_signups > 0 or ebank_txns > 0
)
select * from final order by cust_id
