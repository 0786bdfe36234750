-- description: FTP 利差按员工的当日归属：每户当日利差（mart.ftp_account 当日有效的版本）× 该员工在该日的业绩份额（mart.credit_share）。账户先按自身的归属（存款账户 DEPOSIT、贷款 LOAN），没有时按其客户的归属（CUSTOMER），都没有时归机构、不计入任何员工。金额保留 8 位小数不舍入，月度汇总时按分四舍五入一次。
-- grain: 每个业务日期、员工一行
-- materialized: partition
-- column: staff_id: 员工号
-- column: org_id: 员工所在机构（dw.dim_staff）
-- column: org_path: 机构路径（按机构范围过滤）
-- column: account_count: 有份额的账户数
-- column: credited_balance: 按份额的余额（元，8 位小数）
-- column: credited_margin: 按份额的当日 FTP 利差（元，8 位小数）
-- test: unique staff_id
with accounts as (
    select account_no, account_kind, cust_id, balance, margin from mart.ftp_account where {{ valid_on_t }}
),
shares as (
    select object_kind, object_id, staff_id, share from mart.credit_share where {{ valid_on_t }}
),
own as (
    select a.account_no, s.staff_id, s.share
      from accounts a
      join shares s on s.object_kind = case when a.account_kind = 'LOAN' then 'LOAN' else 'DEPOSIT' end
                   and s.object_id = a.account_no
),
by_customer as (
    select a.account_no, s.staff_id, s.share
      from accounts a
      join shares s on s.object_kind = 'CUSTOMER' and s.object_id = a.cust_id
     where not exists (select 1 from own o where o.account_no = a.account_no)
),
credited as (
    select c.staff_id, a.balance * c.share as balance, a.margin * c.share as margin
      from (select * from own union all select * from by_customer) c
      join accounts a on a.account_no = c.account_no
     where c.staff_id is not null
),
staff as (
    select staff_id, org_id from dw.dim_staff where {{ valid_on_t }}
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
final as (
    select {{ biz_date }} as biz_date, c.staff_id, s.org_id, o.org_path, count(*) as account_count,
           cast(sum(c.balance) as decimal(28, 8)) as credited_balance,
           cast(sum(c.margin) as decimal(28, 8)) as credited_margin
      from credited c
      left join staff s on s.staff_id = c.staff_id
      left join orgs o on o.org_id = s.org_id
     group by c.staff_id, s.org_id, o.org_path
)
select * from final
