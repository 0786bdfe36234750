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
final as (
    select b.loan_no as account_no, l.cust_id, l.product_code, b.org_id, coalesce(c.staff_id, l.manager_staff_id) as staff_id, b.balance,
           b.class_5 as detail, l.disburse_date >= :from_date as new_in_period
      from dw.loan_balance b
      left join mart.credit_share c on c.object_kind = 'LOAN' and c.object_id = b.loan_no
       and c.staff_id = cast(:staff_id as varchar)
       and {{ valid_on(c, (select d from last_day)) }}
      join dw.dim_loan l on l.loan_no = b.loan_no
       and {{ valid_on(l, (select d from last_day)) }}
      join orgs o on o.org_id = b.org_id
     where {{ valid_on(b, (select d from last_day)) }} and b.balance > 0
       and (cast(:staff_id as varchar) is null or c.share > 0) and {{ org_scope(o.org_path) }}
)
select * from final order by balance desc, account_no limit 500
