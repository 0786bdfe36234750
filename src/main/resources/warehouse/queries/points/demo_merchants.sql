-- description: active acquiring merchants of the latest loaded date, the demo's candidates for the points alliance
-- grain: one row per active merchant, at most 5, in merchant-id order
-- column: merchant_id: the merchant id
-- column: merchant_name: its name
-- column: org_path: the path of the org that signed it
-- column: status: A active
with latest as (
    select max(biz_date) as biz_date from mart.merchant_daily
),
final as (
    select m.merchant_id, m.merchant_name, m.org_path, m.status
      from mart.merchant_daily m join latest l on l.biz_date = m.biz_date
     where m.status = 'A' and {{ org_scope(m.org_path) }}
)
select * from final order by merchant_id limit 5
