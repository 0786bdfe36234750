-- description: 自助设备与终端维度（拉链表）：ATM、存取款一体机、便民宝、补登机、体验终端。
-- grain: 每台设备每个版本一行
-- materialized: scd2
-- key: device_id
-- column: device_id: 设备号
-- column: device_type: ATM CRS BMB PBK EXP
-- column: offsite: Y 离行 N 在行
-- test: unique device_id
-- test: accepted_values device_type ATM,CRS,BMB,PBK,EXP
-- test: relationships org_id dw.dim_org.org_id warn
with final as (
    select device_id, device_type, org_id, location, offsite, merchant_id, install_date, status
      from ods.eb_device where biz_date = {{ biz_date }}
)
select * from final
