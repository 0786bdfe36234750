-- description: FTP 利差按机构、账户类别、产品的当日汇总（来自 mart.ftp_account_daily），月度汇总 mart.ftp_org_monthly 与 mart.ftp_product_monthly 由它累加。
-- grain: 每个业务日期、机构、账户类别、产品一行
-- materialized: partition
-- column: org_id: 账户机构（资金中心为总行）
-- column: org_path: 机构路径（按机构范围过滤）
-- column: account_kind: DEMAND TERM LOAN TREASURY
-- column: product_code: 产品
-- column: account_count: 户数
-- column: balance: 日终余额合计（元）
-- column: interest: 当日客户利息合计（元）
-- column: ftp_amount: 当日 FTP 转移价格合计（元）
-- column: margin: 当日 FTP 利差合计（元）
-- test: unique org_id, account_kind, product_code
with accounts as (
    select * from mart.ftp_account_daily where biz_date = {{ biz_date }}
),
final as (
    select {{ biz_date }} as biz_date, org_id, org_path, account_kind, product_code, count(*) as account_count,
           cast(sum(balance) as decimal(18, 2)) as balance, cast(sum(interest) as decimal(18, 2)) as interest,
           cast(sum(ftp_amount) as decimal(18, 2)) as ftp_amount, cast(sum(margin) as decimal(18, 2)) as margin
      from accounts
     group by org_id, org_path, account_kind, product_code
)
select * from final
