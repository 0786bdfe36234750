-- description: the household a customer belongs to as the data proposes it: the persons with the same address in the same village (a proposal for the customer manager to confirm)
-- grain: one row per other person of the proposed household, the customer and each member within the scope (their opening orgs), by customer id
-- param: cust_id: the customer
-- column: cust_id: a member of the household
-- column: cust_name: the member's name
-- column: gender: M or F
-- column: birth_date: the birth date
with customer as (
    select c.cust_id, c.address, c.village_name from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and c.cust_type = 'P' and c.address is not null
       and {{ org_scope(o.org_path) }}
),
final as (
    select m.cust_id, m.cust_name, m.gender, m.birth_date
      from dw.dim_customer m
      join customer c on c.address = m.address
      join dw.dim_org o on o.org_id = m.open_org_id and o.valid_to = {{ open_end }}
     where m.valid_to = {{ open_end }} and m.cust_type = 'P' and m.cust_id <> c.cust_id
       and coalesce(m.village_name, '') = coalesce(c.village_name, '') and {{ org_scope(o.org_path) }}
)
select * from final order by cust_id
