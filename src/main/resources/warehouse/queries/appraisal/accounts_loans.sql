-- description: the loans behind a loan figure: each loan on the period's last data day, credited (in whole or part) to a member of staff (or every loan when staff_id is null) within the org rows asked
-- grain: one row per loan, largest balance first
-- param: from_date: the first day of the period (loans disbursed since are flagged new)
-- param: to_date: the last day of the period
-- param: staff_id: the credited member of staff, or null for every loan of the org rows
-- column: account_no: the loan (借据号)
-- column: cust_id: the borrower's customer number
-- column: product_code: the contract's product
-- column: org_id: the booking org
-- column: staff_id: the credited member of staff asked, else the contract's customer manager
-- column: balance: the balance, yuan
-- column: detail: five-class grade (3-5 non-performing)
-- column: new_in_period: disbursed within the period
with last_day as (
    select max(biz_date) as d from mart.loan_org_daily where biz_date between :from_date and :to_date
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
shares as (
    select c.object_id, c.staff_id, c.share
      from mart.credit_share c, last_day t
     where c.object_kind = 'LOAN' and c.staff_id = cast(:staff_id as varchar) and {{ valid_on(c, t.d) }}
),
loans as (
    select l.loan_no, l.cust_id, l.product_code, l.manager_staff_id, l.disburse_date
      from dw.dim_loan l, last_day t
     where {{ valid_on(l, t.d) }}
),
balances as (
    select b.loan_no, b.org_id, b.balance, b.class_5
      from dw.loan_balance b, last_day t
     where {{ valid_on(b, t.d) }} and b.balance > 0
),
final as (
    select b.loan_no as account_no, l.cust_id, l.product_code, b.org_id, coalesce(c.staff_id, l.manager_staff_id) as staff_id, b.balance,
           b.class_5 as detail, l.disburse_date >= :from_date as new_in_period
      from balances b
      left join shares c on c.object_id = b.loan_no
      join loans l on l.loan_no = b.loan_no
      join orgs o on o.org_id = b.org_id
     where (cast(:staff_id as varchar) is null or c.share > 0) and {{ org_scope(o.org_path) }}
)
select * from final order by balance desc, account_no limit 500
