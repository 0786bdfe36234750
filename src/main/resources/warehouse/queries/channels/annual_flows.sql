-- description: the annual report's flows over the year's data dates, summed over the orgs in scope (docs/annual-report.md)
-- grain: one row
-- param: from_date: the year's first data date
-- param: to_date: the year's last data date
-- column: device_txn: self-service device transactions, failed ones included
-- column: device_wdl: successful withdrawals
-- column: device_dep: successful deposits
-- column: device_trf: successful transfers
-- column: device_failures: failed device transactions
-- column: device_fee: device fee income, yuan
-- column: bmb_txn: village terminal transactions
-- column: bmb_success: successful village terminal transactions
-- column: pos_txn: successful POS transactions
-- column: pos_amount: successful POS amount, yuan
-- column: pos_fee: POS fee income, yuan
-- column: pnet_intr_count: successful personal intra-bank transfers
-- column: pnet_intr_amount: their amount, yuan
-- column: pnet_inte_count: successful personal inter-bank transfers
-- column: pnet_inte_amount: their amount, yuan
-- column: pnet_nxy_count: successful personal rural-credit network (农信银) transfers
-- column: pnet_nxy_amount: their amount, yuan
-- column: cnet_intr_count: successful corporate intra-bank transfers
-- column: cnet_intr_amount: their amount, yuan
-- column: cnet_inte_count: successful corporate inter-bank transfers
-- column: cnet_inte_amount: their amount, yuan
-- column: cnet_nxy_count: successful corporate rural-credit network (农信银) transfers
-- column: cnet_nxy_amount: their amount, yuan
-- column: mob_count: successful mobile-banking transactions
-- column: mob_amount: their amount, yuan
-- column: pension_count: pension payouts
-- column: pension_amount: their amount, yuan
-- column: deduction_batches: batches of deductions
-- column: deduction_count: households deducted from
-- column: deduction_amount: their amount, yuan
-- column: subsidy_count: subsidy payouts
-- column: subsidy_amount: their amount, yuan
with flows as (
    select * from mart.ebank_org_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
),
final as (
    select cast(sum(device_txn) as bigint) as device_txn, cast(sum(device_wdl) as bigint) as device_wdl,
           cast(sum(device_dep) as bigint) as device_dep, cast(sum(device_trf) as bigint) as device_trf,
           cast(sum(device_failures) as bigint) as device_failures,
           cast(coalesce(sum(device_fee), 0) as decimal(18, 2)) as device_fee,
           cast(sum(bmb_txn) as bigint) as bmb_txn, cast(sum(bmb_success) as bigint) as bmb_success,
           cast(sum(pos_txn) as bigint) as pos_txn, cast(coalesce(sum(pos_amount), 0) as decimal(18, 2)) as pos_amount,
           cast(coalesce(sum(pos_fee), 0) as decimal(18, 2)) as pos_fee,
           cast(sum(pnet_intr_count) as bigint) as pnet_intr_count,
           cast(coalesce(sum(pnet_intr_amount), 0) as decimal(18, 2)) as pnet_intr_amount,
           cast(sum(pnet_inte_count) as bigint) as pnet_inte_count,
           cast(coalesce(sum(pnet_inte_amount), 0) as decimal(18, 2)) as pnet_inte_amount,
           cast(sum(pnet_nxy_count) as bigint) as pnet_nxy_count,
           cast(coalesce(sum(pnet_nxy_amount), 0) as decimal(18, 2)) as pnet_nxy_amount,
           cast(sum(cnet_intr_count) as bigint) as cnet_intr_count,
           cast(coalesce(sum(cnet_intr_amount), 0) as decimal(18, 2)) as cnet_intr_amount,
           cast(sum(cnet_inte_count) as bigint) as cnet_inte_count,
           cast(coalesce(sum(cnet_inte_amount), 0) as decimal(18, 2)) as cnet_inte_amount,
           cast(sum(cnet_nxy_count) as bigint) as cnet_nxy_count,
           cast(coalesce(sum(cnet_nxy_amount), 0) as decimal(18, 2)) as cnet_nxy_amount,
           cast(sum(mob_count) as bigint) as mob_count, cast(coalesce(sum(mob_amount), 0) as decimal(18, 2)) as mob_amount,
           cast(sum(pension_count) as bigint) as pension_count,
           cast(coalesce(sum(pension_amount), 0) as decimal(18, 2)) as pension_amount,
           cast(sum(deduction_batches) as bigint) as deduction_batches,
           cast(sum(deduction_count) as bigint) as deduction_count,
           cast(coalesce(sum(deduction_amount), 0) as decimal(18, 2)) as deduction_amount,
           cast(sum(subsidy_count) as bigint) as subsidy_count,
           cast(coalesce(sum(subsidy_amount), 0) as decimal(18, 2)) as subsidy_amount
      from flows
)
select * from final
