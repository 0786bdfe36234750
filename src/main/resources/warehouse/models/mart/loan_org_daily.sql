-- description: 贷款按机构、产品、五级分类的日终汇总：笔数、余额、逾期本金；不良 = 五级分类 3、4、5。
-- grain: 每个业务日期、机构、产品、五级分类一行
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: class_5: 五级分类
-- column: balance: 贷款余额合计（元）
-- test: unique org_id, product_code, class_5
-- test: not_null org_path
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
loans as (
    select loan_no, product_code from dw.dim_loan where {{ valid_on_t }}
),
balances as (
    select * from dw.loan_balance where {{ valid_on_t }}
),
final as (
    select {{ biz_date }} as biz_date, b.org_id, o.org_path, coalesce(l.product_code, 'NONE') as product_code,
           b.class_5, count(*) as loan_count, count(case when b.status = 'A' then 1 end) as active_count,
           cast(sum(b.balance) as decimal(18, 2)) as balance,
           cast(sum(b.overdue_principal) as decimal(18, 2)) as overdue_principal
      from balances b
      left join loans l on l.loan_no = b.loan_no
      left join orgs o on o.org_id = b.org_id
     group by 2, 3, 4, 5
)
select * from final
