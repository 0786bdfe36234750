-- description: 特约商户维度（拉链表），来自 ACQ_MERCHANT；含现场照片、培训记录的风控标志。
-- grain: 每个商户每个版本一行
-- materialized: scd2
-- key: merchant_id
-- column: merchant_id: 商户号
-- column: mdr: 扣率
-- column: site_photo: Y 有现场照片
-- column: trained: Y 已签培训记录
-- test: unique merchant_id
-- test: accepted_values status A,S,C
-- test: relationships org_id dw.dim_org.org_id warn
with final as (
    select merchant_id, merchant_name, mcc, cust_id, settle_acct_no, org_id, manager_staff_id, market_name,
           address, sign_date, mdr, status, site_photo, trained
      from ods.acq_merchant where biz_date = {{ biz_date }}
)
select * from final
