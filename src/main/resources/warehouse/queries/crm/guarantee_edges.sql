-- description: every guarantee between customers on a date (guarantor → borrower of a loan not yet settled), from mart.crm_relation, for the detection of guarantee chains and circles (互保、联保)
-- grain: one row per guarantor and borrower within the scope (the loan's handling org), by guarantor
-- param: business_date: the date
-- column: from_cust_id: the guarantor
-- column: from_name: the guarantor's name
-- column: to_cust_id: the borrower
-- column: to_name: the borrower's name
-- column: ref_id: a contract the guarantee is given for
-- column: amount: the guaranteed amount (yuan)
-- column: org_id: the loan's handling org
with edges as (
    select * from mart.crm_relation r
     where r.biz_date = :business_date and r.kind = 'GUARANTOR' and {{ org_scope(r.org_path) }}
),
names as (
    select cust_id, cust_name from dw.dim_customer where valid_to = {{ open_end }}
),
final as (
    select e.from_cust_id, f.cust_name as from_name, e.to_cust_id, t.cust_name as to_name, e.ref_id, e.amount,
           e.org_id
      from edges e
      left join names f on f.cust_id = e.from_cust_id
      left join names t on t.cust_id = e.to_cust_id
)
select * from final order by from_cust_id, to_cust_id
