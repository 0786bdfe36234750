-- description: one customer's debit cards on a date, with their medium (magnetic stripe or chip) and the card each replaced
-- grain: one row per card of the customer (within the scope) whose version is valid on the date, by issue date
-- param: cust_id: the customer
-- param: business_date: the date
-- column: card_no: the card (masked before it is shown)
-- column: acct_no: its account
-- column: card_product: the card product
-- column: medium: M magnetic stripe, I chip (IC)
-- column: issue_org_id: the issuing org
-- column: issue_date: the issue date
-- column: card_status: N normal, U not activated, L lost, C cancelled
-- column: activate_date: the activation date
-- column: replaced_card_no: the card it replaced (masked before it is shown)
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
final as (
    select k.card_no, k.acct_no, k.card_product, k.medium, k.issue_org_id, k.issue_date, k.card_status,
           k.activate_date, k.replaced_card_no
      from dw.dim_card k join customer c on c.cust_id = k.cust_id
     where k.cust_id = :cust_id and {{ valid_on(k, :business_date) }}
)
select * from final order by issue_date, card_no
