-- description: each POS merchant over a period: sales, fees, its signed rate and checklist on the period's end, and its last successful sale
-- grain: one row per merchant with a row in mart.merchant_daily within the period, by org then merchant
-- param: from_date: the first data date of the period
-- param: to_date: the last data date of the period, the date of name, status, checklist and rate
-- column: merchant_id: the merchant
-- column: name: its name on to_date
-- column: org_id: the org it belongs to
-- column: status: its status on to_date (C closed)
-- column: sign_date: the date it signed (dw.dim_merchant on to_date)
-- column: site_photo: Y when site photos are on file, on to_date
-- column: trained: Y when a signed training record is on file, on to_date
-- column: mdr: its signed discount rate on to_date, a fraction
-- column: txns: successful transactions within the period, refunds included
-- column: sales: sale amount within the period, yuan
-- column: fees: discount fees within the period, yuan
-- column: last_date: its last day with a successful sale up to to_date (a positive sale amount: refunds and failed sales do not count); null when it never sold
with info as (
    select merchant_id, sign_date from dw.dim_merchant where {{ valid_on(:to_date) }}
),
last_sale as (
    select m.merchant_id, max(m.biz_date) as last_date
      from mart.merchant_daily m
     where m.biz_date <= :to_date and m.sale_amount > 0 and {{ org_scope(m.org_path) }}
     group by m.merchant_id
),
per_merchant as (
    select m.merchant_id, max(case when m.biz_date = :to_date then m.merchant_name end) as name,
           max(m.org_id) as org_id, max(case when m.biz_date = :to_date then m.status end) as status,
           max(case when m.biz_date = :to_date then m.site_photo end) as site_photo,
           max(case when m.biz_date = :to_date then m.trained end) as trained,
           max(case when m.biz_date = :to_date then m.mdr end) as mdr,
           cast(sum(m.txn_count) as bigint) as txns, cast(sum(m.sale_amount) as decimal(18, 2)) as sales,
           cast(sum(m.mdr_fee) as decimal(18, 2)) as fees
      from mart.merchant_daily m
     where m.biz_date between :from_date and :to_date and {{ org_scope(m.org_path) }}
     group by m.merchant_id
),
final as (
    select pm.merchant_id, pm.name, pm.org_id, pm.status, i.sign_date, pm.site_photo, pm.trained, pm.mdr, pm.txns,
           pm.sales, pm.fees, l.last_date
      from per_merchant pm
      left join info i on i.merchant_id = pm.merchant_id
      left join last_sale l on l.merchant_id = pm.merchant_id
)
select * from final order by org_id, merchant_id
