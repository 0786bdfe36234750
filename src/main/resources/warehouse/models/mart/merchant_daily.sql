-- description: 收单商户的日交易：笔数、消费金额、退货、手续费，带风控标志（现场照片、培训记录）。
-- grain: 每个业务日期、商户一行
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: txn_count: 成功交易笔数（消费、退货、撤销；失败交易不计，与年报 POS 笔数同口径）
-- column: sale_amount: 成功消费金额（元）
-- column: mdr_fee: 手续费收入（元）
-- test: unique merchant_id
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
merchants as (
    select * from dw.dim_merchant where {{ valid_on_t }}
),
txns as (
    select merchant_id, count(case when status = 'S' then 1 end) as txn_count,
           sum(case when txn_kind = 'SALE' and status = 'S' then amount else 0 end) as sale_amount,
           sum(case when txn_kind = 'REFUND' and status = 'S' then amount else 0 end) as refund_amount,
           sum(case when status = 'S' then mdr_fee else 0 end) as mdr_fee
      from ods.acq_pos_txn where biz_date = {{ biz_date }} group by merchant_id
),
final as (
    select {{ biz_date }} as biz_date, m.merchant_id, m.merchant_name, m.org_id, o.org_path, m.manager_staff_id,
           m.status, m.site_photo, m.trained, m.mdr, coalesce(t.txn_count, 0) as txn_count,
           cast(coalesce(t.sale_amount, 0) as decimal(18, 2)) as sale_amount,
           cast(coalesce(t.refund_amount, 0) as decimal(18, 2)) as refund_amount,
           cast(coalesce(t.mdr_fee, 0) as decimal(18, 2)) as mdr_fee
      from merchants m
      left join txns t on t.merchant_id = m.merchant_id
      left join orgs o on o.org_id = m.org_id
)
select * from final
