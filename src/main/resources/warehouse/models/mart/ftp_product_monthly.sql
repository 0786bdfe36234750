-- description: FTP 利差按产品的月度汇总（全行）：当日利差与月初至今累计。
-- grain: 每个业务日期、账户类别、产品一行
-- materialized: partition
-- column: account_kind: DEMAND TERM LOAN TREASURY
-- column: product_code: 产品
-- column: month_start: 所在月份的第一天
-- column: balance: 日终余额合计（元）
-- column: margin: 当日 FTP 利差（元）
-- column: margin_mtd: 月初至今 FTP 利差（元）
-- test: unique account_kind, product_code
with month_days as (
    select * from mart.ftp_org_daily where biz_date >= {{ month_start }} and biz_date <= {{ biz_date }}
),
final as (
    select {{ biz_date }} as biz_date, account_kind, product_code, {{ month_start }} as month_start,
           cast(sum(case when biz_date = {{ biz_date }} then balance else 0 end) as decimal(18, 2)) as balance,
           cast(sum(case when biz_date = {{ biz_date }} then margin else 0 end) as decimal(18, 2)) as margin,
           cast(sum(margin) as decimal(18, 2)) as margin_mtd
      from month_days
     group by account_kind, product_code
)
select * from final
