-- description: 自助设备与便民宝的日交易：笔数、取款、存款、转账、手续费收入；零交易的设备也有一行（用于找休眠终端）。
-- grain: 每个业务日期、设备一行
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: fee_income: 手续费收入（元）
-- test: unique device_id
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
devices as (
    select * from dw.dim_device where {{ valid_on_t }}
),
txns as (
    select device_id, count(*) as txn_count,
           count(case when txn_kind = 'WDL' and status = 'S' then 1 end) as withdrawals,
           count(case when txn_kind = 'DEP' and status = 'S' then 1 end) as deposits,
           count(case when txn_kind = 'TRF' and status = 'S' then 1 end) as transfers,
           count(case when status = 'F' then 1 end) as failures,
           sum(case when status = 'S' then amount else 0 end) as amount,
           sum(fee_income) as fee_income
      from ods.eb_device_txn where biz_date = {{ biz_date }} group by device_id
),
final as (
    select {{ biz_date }} as biz_date, d.device_id, d.device_type, d.org_id, o.org_path, d.offsite, d.status,
           coalesce(t.txn_count, 0) as txn_count, coalesce(t.withdrawals, 0) as withdrawals,
           coalesce(t.deposits, 0) as deposits, coalesce(t.transfers, 0) as transfers,
           coalesce(t.failures, 0) as failures, cast(coalesce(t.amount, 0) as decimal(18, 2)) as amount,
           cast(coalesce(t.fee_income, 0) as decimal(18, 2)) as fee_income
      from devices d
      left join txns t on t.device_id = d.device_id
      left join orgs o on o.org_id = d.org_id
)
select * from final
