-- description: each self-service device and village terminal over a period: transactions by kind, failures, amounts, fee income and cash withdrawn
-- grain: one row per device with a row in mart.device_daily within the period, by org then device
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period, the date of type, site, status and location
-- column: device_id: the device
-- column: device_type: its type on to_date, else the type it had within the period
-- column: org_id: the org it belongs to
-- column: location: where it stands on to_date (dw.dim_device)
-- column: offsite: Y off-site, N in a branch, on to_date
-- column: status: its status on to_date
-- column: txns: transactions within the period, failed ones included
-- column: withdrawals: successful withdrawals
-- column: deposits: successful deposits
-- column: transfers: successful transfers
-- column: failures: failed transactions
-- column: amount: amount of successful transactions, yuan
-- column: fee_income: fee income, yuan
-- column: cash: cash withdrawn (mart.atm_cash_daily), yuan; 0 for a device without
with cash as (
    select device_id, sum(wdl_amount) as wdl_amount
      from mart.atm_cash_daily
     where biz_date between :from_date and :to_date
     group by device_id
),
info as (
    select device_id, location from dw.dim_device where {{ valid_on(:to_date) }}
),
per_device as (
    select m.device_id, max(case when m.biz_date = :to_date then m.device_type end) as device_type,
           max(m.device_type) as any_type, max(m.org_id) as org_id,
           max(case when m.biz_date = :to_date then m.offsite end) as offsite,
           max(case when m.biz_date = :to_date then m.status end) as status,
           cast(sum(m.txn_count) as bigint) as txns, cast(sum(m.withdrawals) as bigint) as withdrawals,
           cast(sum(m.deposits) as bigint) as deposits, cast(sum(m.transfers) as bigint) as transfers,
           cast(sum(m.failures) as bigint) as failures,
           cast(sum(m.amount) as decimal(18, 2)) as amount,
           cast(sum(m.fee_income) as decimal(18, 2)) as fee_income
      from mart.device_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by m.device_id
),
final as (
    select d.device_id, coalesce(d.device_type, d.any_type) as device_type, d.org_id, i.location, d.offsite,
           d.status, d.txns, d.withdrawals, d.deposits, d.transfers, d.failures, d.amount, d.fee_income,
           cast(coalesce(c.wdl_amount, 0) as decimal(18, 2)) as cash
      from per_device d
      left join cash c on c.device_id = d.device_id
      left join info i on i.device_id = d.device_id
)
select * from final order by org_id, device_id
