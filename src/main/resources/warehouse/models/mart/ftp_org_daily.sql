-- description: FTP 利差按机构、账户类别、产品的当日汇总（来自 mart.ftp_account 当日有效的版本），另加资金中心（资金中心, account_kind TREASURY, 总行）的错配利差一行：贷款 FTP 转移价格之和 − 存款 FTP 转移价格之和，使各业务条线利差加资金中心利差等于全行净利息。月度汇总 mart.ftp_org_monthly 与 mart.ftp_product_monthly 由它累加。
-- grain: 每个业务日期、机构、账户类别、产品一行；另加每日一行 TREASURY
-- materialized: partition
-- column: org_id: 账户机构（资金中心为总行）
-- column: org_path: 机构路径（按机构范围过滤）
-- column: account_kind: DEMAND TERM LOAN TREASURY
-- column: product_code: 产品；资金中心为 FTP
-- column: account_count: 户数（资金中心为 1）
-- column: balance: 日终余额合计（元）；资金中心为贷款余额减存款余额
-- column: interest: 当日客户利息合计（元）；资金中心为空
-- column: ftp_amount: 当日 FTP 转移价格合计（元）；资金中心为贷款的减存款的
-- column: margin: 当日 FTP 利差合计（元）；资金中心同 ftp_amount
-- test: unique org_id, account_kind, product_code
with accounts as (
    select * from mart.ftp_account where {{ valid_on_t }}
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
business as (
    select org_id, org_path, account_kind, product_code, count(*) as account_count,
           cast(sum(balance) as decimal(18, 2)) as balance, cast(sum(interest) as decimal(18, 2)) as interest,
           cast(sum(ftp_amount) as decimal(18, 2)) as ftp_amount, cast(sum(margin) as decimal(18, 2)) as margin
      from accounts
     group by org_id, org_path, account_kind, product_code
),
treasury as (
    select h.org_id, h.org_path, 'TREASURY' as account_kind, 'FTP' as product_code, 1 as account_count,
           cast(sum(case when a.account_kind = 'LOAN' then a.balance else -a.balance end) as decimal(18, 2)) as balance,
           cast(null as decimal(18, 2)) as interest,
           cast(sum(case when a.account_kind = 'LOAN' then a.ftp_amount else -a.ftp_amount end) as decimal(18, 2)) as ftp_amount,
           cast(sum(case when a.account_kind = 'LOAN' then a.ftp_amount else -a.ftp_amount end) as decimal(18, 2)) as margin
      from accounts a
     cross join (select min(org_id) as org_id from orgs where org_path = '/' || org_id || '/') ho
      left join orgs h on h.org_id = ho.org_id
     group by h.org_id, h.org_path
    having count(*) > 0
),
final as (
    select {{ biz_date }} as biz_date, * from business
    union all
    select {{ biz_date }} as biz_date, * from treasury
)
select * from final
