-- description: one customer's loans on a date: balance, overdue principal and interest, days past due and five-class grade as dw.loan_balance holds them on the date
-- grain: one row per loan of the customer (within the scope) whose version is valid on the date, by disbursement date
-- param: cust_id: the customer
-- param: business_date: the date
-- column: loan_no: the loan
-- column: contract_no: its contract
-- column: product_code: FARM, BIZ, MORT, CONS or CORP
-- column: guarantee_type: X credit, G guaranteed, M mortgage, P pledge
-- column: org_id: the handling org
-- column: disburse_date: the disbursement date
-- column: maturity_date: the maturity date
-- column: loan_amt: the amount lent (yuan)
-- column: balance: the balance on the date (yuan)
-- column: overdue_principal: overdue principal (yuan)
-- column: overdue_interest: overdue interest (yuan)
-- column: dpd: days past due
-- column: class5: the five-class grade, 1 (pass) to 5 (loss)
-- column: status: A active, S settled, W written off
-- column: first_overdue: the first day on which the loan was past due; null when never
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
loans as (
    select l.* from dw.dim_loan l join customer c on c.cust_id = l.cust_id
     where l.cust_id = :cust_id and {{ valid_on(l, :business_date) }}
),
overdue as (
    select b.loan_no, min(b.valid_from) as first_overdue from dw.loan_balance b join loans l on l.loan_no = b.loan_no
     where b.dpd > 0 and b.valid_from <= :business_date
     group by b.loan_no
),
final as (
    select l.loan_no, l.contract_no, l.product_code, l.guarantee_type, l.org_id, l.disburse_date, l.maturity_date,
           l.loan_amt, b.balance, b.overdue_principal, b.overdue_interest, b.dpd, b.class_5 as class5, b.status,
           o.first_overdue
      from loans l
      join dw.loan_balance b on b.loan_no = l.loan_no and {{ valid_on(b, :business_date) }}
      left join overdue o on o.loan_no = l.loan_no
)
select * from final order by disburse_date, loan_no
