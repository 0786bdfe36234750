-- description: FTP 利差按机构、账户类别的月度汇总：当日利差与月初至今累计（月末日期的累计即该月利差）。
-- grain: 每个业务日期、机构、账户类别一行
-- materialized: partition
-- column: org_id: 机构
-- column: org_path: 机构路径（按机构范围过滤）
-- column: account_kind: DEMAND TERM LOAN TREASURY
-- column: month_start: 所在月份的第一天
-- column: balance: 日终余额合计（元）
-- column: margin: 当日 FTP 利差（元）
-- column: margin_mtd: 月初至今 FTP 利差（元）
-- test: unique org_id, account_kind
-- test: not_null org_path
with month_days as (
    select * from mart.ftp_org_daily where biz_date >= {{ month_start }} and biz_date <= {{ biz_date }}
),
final as (
    select {{ biz_date }} as biz_date, org_id, max(org_path) as org_path, account_kind,
           {{ month_start }} as month_start,
           cast(sum(case when biz_date = {{ biz_date }} then balance else 0 end) as decimal(18, 2)) as balance,
           cast(sum(case when biz_date = {{ biz_date }} then margin else 0 end) as decimal(18, 2)) as margin,
           cast(sum(margin) as decimal(18, 2)) as margin_mtd
      from month_days
     group by org_id, account_kind
)
select * from final
