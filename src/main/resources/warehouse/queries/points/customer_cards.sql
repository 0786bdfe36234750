-- description: a customer's cards in use now (their current version), the cards a one-time code may be issued for
-- grain: one row per card in use, in card-number order
-- param: cust_id: the customer
-- column: card_no: the card number
-- column: org_path: the path of the org that issued it
with orgs as (
    select org_id, org_path from dw.dim_org where valid_to = {{ open_end }}
),
cards as (
    select c.card_no, o.org_path
      from dw.dim_card c
      join orgs o on o.org_id = c.issue_org_id
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and c.card_status in ('N', 'U')
),
final as (
    select card_no, org_path from cards where {{ org_scope(org_path) }}
)
select * from final order by card_no
