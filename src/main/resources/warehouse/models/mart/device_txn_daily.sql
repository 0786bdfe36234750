-- description: 自助设备与便民宝交易按发卡方、状态、错误码的日汇总：本行卡与他行卡（农信银、其他银行）的笔数与成功金额，失败交易按错误码计数。
-- grain: 每个业务日期、设备、发卡方、状态、错误码一行（只含当日有交易的组合）
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: card_issuer: 发卡方 OWN 本行 NXY 农信银 OTHER 其他银行
-- column: status: S 成功 F 失败
-- column: error_code: 失败交易的错误码（成功交易为空）
-- column: txn_count: 交易笔数
-- column: amount: 成功交易金额（元）
-- test: unique device_id, card_issuer, status, error_code
-- test: not_null device_id
with devices as (
    select device_id, device_type, org_id from dw.dim_device
     where {{ valid_on_t }}
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
final as (
    select {{ biz_date }} as biz_date, t.device_id, d.device_type, d.org_id, o.org_path, t.card_issuer, t.status,
           t.error_code, count(*) as txn_count,
           cast(sum(case when t.status = 'S' then t.amount else 0 end) as decimal(18, 2)) as amount
      from ods.eb_device_txn t
      left join devices d on d.device_id = t.device_id
      left join orgs o on o.org_id = d.org_id
     where t.biz_date = {{ biz_date }}
     group by t.device_id, d.device_type, d.org_id, o.org_path, t.card_issuer, t.status, t.error_code
)
select * from final
