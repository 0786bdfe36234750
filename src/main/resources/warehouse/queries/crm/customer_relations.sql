-- description: the relationships of one customer on a date, both directions, from mart.crm_relation: legal representative, guarantor, employer, frequent counterparty; the other party's name as the customer dimension holds it (opening the other party needs it to be within the scope)
-- grain: one row per relationship touching the customer (within the scope), by kind and direction
-- param: cust_id: the customer
-- param: business_date: the date
-- column: kind: LEGAL_REP, GUARANTOR, EMPLOYER or COUNTERPARTY
-- column: outgoing: true when the customer is the relationship's start (the representative, the guarantor, the employer, the payer)
-- column: other_cust_id: the other party
-- column: other_name: its name
-- column: ref_id: the contract or payroll batch the relationship rests on
-- column: amount: the guaranteed amount or the last salary (yuan)
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
edges as (
    select r.kind, true as outgoing, r.to_cust_id as other_cust_id, r.ref_id, r.amount
      from mart.crm_relation r join customer c on c.cust_id = r.from_cust_id
     where r.from_cust_id = :cust_id and r.biz_date = :business_date
    union all
    select r.kind, false, r.from_cust_id, r.ref_id, r.amount
      from mart.crm_relation r join customer c on c.cust_id = r.to_cust_id
     where r.to_cust_id = :cust_id and r.biz_date = :business_date
),
names as (
    select cust_id, cust_name from dw.dim_customer where valid_to = {{ open_end }}
),
final as (
    select e.kind, e.outgoing, e.other_cust_id, n.cust_name as other_name, e.ref_id, e.amount
      from edges e left join names n on n.cust_id = e.other_cust_id
)
select * from final order by kind, outgoing desc, other_cust_id
