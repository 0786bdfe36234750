-- description: a few loans and deposit accounts of each branch on its latest version, for the demo's sample claims
-- grain: up to two loans with a manager and two deposit accounts per org, in org and id order
-- column: object_kind: LOAN or DEPOSIT
-- column: object_id: the loan or account no
-- column: org_id: its org
-- column: manager_staff_id: the loan's manager (null for a deposit)
with loans as (
    select 'LOAN' as object_kind, loan_no as object_id, org_id, manager_staff_id,
           row_number() over (partition by org_id order by loan_no) as n
      from dw.dim_loan where valid_to = {{ open_end }} and manager_staff_id is not null
),
deposits as (
    select 'DEPOSIT' as object_kind, acct_no as object_id, org_id, cast(null as varchar) as manager_staff_id,
           row_number() over (partition by org_id order by acct_no) as n
      from dw.dim_deposit_account where valid_to = {{ open_end }} and acct_status = 'N'
),
final as (
    select object_kind, object_id, org_id, manager_staff_id from loans where n <= 2
    union all
    select object_kind, object_id, org_id, manager_staff_id from deposits where n <= 2
)
select * from final order by org_id, object_kind, object_id
