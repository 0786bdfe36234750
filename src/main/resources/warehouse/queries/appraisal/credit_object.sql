-- description: one object that staff can hold credit for, as the dimensions know it on its latest version: its org (the object's own when no staff holds it); no row when the warehouse does not know it
-- grain: one row, or none
-- param: object_kind: CUSTOMER, DEPOSIT, LOAN, CARD, EB_USER or MERCHANT
-- param: object_id: the object's id
-- column: object_kind: the kind
-- column: object_id: the id
-- column: org_id: the object's org (opening, issuing, signing or managing org)
-- column: org_path: its path
with objects as (
    select 'DEPOSIT' as object_kind, acct_no as object_id, org_id from dw.dim_deposit_account
     where :object_kind = 'DEPOSIT' and acct_no = :object_id and valid_to = {{ open_end }}
    union all
    select 'LOAN', loan_no, org_id from dw.dim_loan
     where :object_kind = 'LOAN' and loan_no = :object_id and valid_to = {{ open_end }}
    union all
    select 'CARD', card_no, issue_org_id from dw.dim_card
     where :object_kind = 'CARD' and card_no = :object_id and valid_to = {{ open_end }}
    union all
    select 'EB_USER', eb_user_id, sign_org_id from dw.dim_eb_user
     where :object_kind = 'EB_USER' and eb_user_id = :object_id and valid_to = {{ open_end }}
    union all
    select 'CUSTOMER', cust_id, open_org_id from dw.dim_customer
     where :object_kind = 'CUSTOMER' and cust_id = :object_id and valid_to = {{ open_end }}
    union all
    select 'MERCHANT', merchant_id, org_id from dw.dim_merchant
     where :object_kind = 'MERCHANT' and merchant_id = :object_id and valid_to = {{ open_end }}
),
orgs as (
    select org_id, org_path from dw.dim_org where valid_to = {{ open_end }}
),
final as (
    select b.object_kind, b.object_id, b.org_id, o.org_path
      from objects b join orgs o on o.org_id = b.org_id
)
select * from final
