-- description: FTP 利差按员工（按业绩份额）的月度汇总：当日与月初至今，各按分四舍五入一次。
-- grain: 每个业务日期、员工一行
-- materialized: partition
-- column: staff_id: 员工号
-- column: org_id: 员工所在机构
-- column: org_path: 机构路径（按机构范围过滤；客户经理按 staff_id 只见本人）
-- column: month_start: 所在月份的第一天
-- column: credited_balance: 按份额的日终余额（元）
-- column: margin: 按份额的当日 FTP 利差（元）
-- column: margin_mtd: 按份额的月初至今 FTP 利差（元）
-- test: unique staff_id
with month_days as (
    select * from mart.ftp_staff_daily where biz_date >= {{ month_start }} and biz_date <= {{ biz_date }}
),
final as (
    select {{ biz_date }} as biz_date, staff_id,
           coalesce(max(case when biz_date = {{ biz_date }} then org_id end), max(org_id)) as org_id,
           coalesce(max(case when biz_date = {{ biz_date }} then org_path end), max(org_path)) as org_path,
           {{ month_start }} as month_start,
           cast(round(sum(case when biz_date = {{ biz_date }} then credited_balance else 0 end), 2) as decimal(18, 2)) as credited_balance,
           cast(round(sum(case when biz_date = {{ biz_date }} then credited_margin else 0 end), 2) as decimal(18, 2)) as margin,
           cast(round(sum(credited_margin), 2) as decimal(18, 2)) as margin_mtd
      from month_days
     group by staff_id
)
select * from final
