-- description: the last business date with FTP figures, where the FTP page's table is shown by default
-- grain: one row
-- column: last_date: the latest date of mart.ftp_org_monthly; null while it holds none
with dates as (
    select biz_date from mart.ftp_org_monthly
),
final as (
    select max(biz_date) as last_date from dates
)
select * from final
