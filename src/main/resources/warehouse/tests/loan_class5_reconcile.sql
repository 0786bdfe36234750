-- description: 按五级分类，信贷系统借据余额合计（CRED_LOAN）= 贷款集市余额合计（mart.loan_org_daily）
-- model: mart.loan_org_daily
-- severity: error
with source as (
    select class_5, sum(balance) as balance, count(*) as loans from ods.cred_loan
     where biz_date = {{ biz_date }} group by class_5
),
mart as (
    select class_5, sum(balance) as balance, sum(loan_count) as loans from mart.loan_org_daily
     where biz_date = {{ biz_date }} group by class_5
),
final as (
    select coalesce(s.class_5, m.class_5) as class_5, s.balance as source_balance, m.balance as mart_balance,
           s.loans as source_loans, m.loans as mart_loans
      from source s full join mart m on m.class_5 = s.class_5
     where s.balance is distinct from m.balance or s.loans is distinct from m.loans
)
select * from final
