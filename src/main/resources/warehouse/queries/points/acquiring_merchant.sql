-- description: one of the bank's acquiring merchants as it stands on the latest loaded date: may it join the points alliance
-- grain: at most one row
-- param: merchant_id: the merchant id
-- column: merchant_id: the merchant id
-- column: merchant_name: its name
-- column: org_path: the path of the org that signed it
-- column: status: A active, S suspended, C closed
with latest as (
    select max(biz_date) as biz_date from mart.merchant_daily
),
final as (
    select m.merchant_id, m.merchant_name, m.org_path, m.status
      from mart.merchant_daily m join latest l on l.biz_date = m.biz_date
     where m.merchant_id = :merchant_id and {{ org_scope(m.org_path) }}
)
select * from final
