-- description: 自助设备每日现金取款：成功取款笔数与金额，用于每台 ATM 的日均取现与加钞安排。
-- grain: 每个业务日期、当日有成功取款的设备一行
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: wdl_count: 成功取款笔数
-- column: wdl_amount: 成功取款金额（元）
-- test: unique device_id
-- test: not_null device_id
with devices as (
    select device_id, org_id from dw.dim_device where {{ valid_on_t }}
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
final as (
    select {{ biz_date }} as biz_date, t.device_id, o.org_path, count(*) as wdl_count,
           cast(sum(t.amount) as decimal(18, 2)) as wdl_amount
      from ods.eb_device_txn t
      left join devices d on d.device_id = t.device_id
      left join orgs o on o.org_id = d.org_id
     where t.biz_date = {{ biz_date }} and t.txn_kind = 'WDL' and t.status = 'S'
     group by t.device_id, o.org_path
)
select * from final
