-- description: the relationship graph around one customer on a date, from mart.crm_relation: every relationship touching the customer (legal representative, guarantor, employer, frequent counterparty), and the relationships between the customer's neighbours; for each end its name and type, and whether it lies within the scope (its page would open); no row when the customer does not exist or lies outside the scope
-- grain: one row per relationship (kind, from, to) among the customer and their neighbours, by kind, from and to
-- param: cust_id: the customer in the middle
-- param: business_date: the date
-- column: kind: LEGAL_REP, GUARANTOR, EMPLOYER or COUNTERPARTY
-- column: from_cust_id: the relationship's start (representative, guarantor, employer, payer)
-- column: from_name: its name
-- column: from_type: P person, C company
-- column: from_in_scope: whether the start lies within the scope
-- column: to_cust_id: the relationship's end (company, borrower, employee, payee)
-- column: to_name: its name
-- column: to_type: P person, C company
-- column: to_in_scope: whether the end lies within the scope
-- column: amount: the guaranteed amount, the last salary or the transfers of 90 days (yuan); null for a legal representative
with own as (
    select cust_id, staff_id from mart.crm_portfolio where biz_date = (select max(biz_date) from mart.crm_portfolio)
),
customer as (
    select distinct c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
      left join own p on p.cust_id = c.cust_id
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path, p.staff_id) }}
),
relations as (
    select kind, from_cust_id, to_cust_id, amount from mart.crm_relation where biz_date = :business_date
),
touching as (
    select r.* from relations r join customer c on c.cust_id = r.from_cust_id
    union
    select r.* from relations r join customer c on c.cust_id = r.to_cust_id
),
nodes as (
    select from_cust_id as cust_id from touching
    union
    select to_cust_id from touching
),
between_neighbours as (
    select r.* from relations r
      join nodes a on a.cust_id = r.from_cust_id
      join nodes b on b.cust_id = r.to_cust_id
     where r.from_cust_id <> :cust_id and r.to_cust_id <> :cust_id
),
edges as (
    select * from touching
    union
    select * from between_neighbours
),
scoped as (
    select n.cust_id, max(c.cust_name) as cust_name, max(c.cust_type) as cust_type,
           bool_or({{ org_scope(o.org_path, p.staff_id) }}) as in_scope
      from nodes n
      join dw.dim_customer c on c.cust_id = n.cust_id and c.valid_to = {{ open_end }}
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
      left join own p on p.cust_id = n.cust_id
     group by n.cust_id
),
final as (
    select e.kind, e.from_cust_id, f.cust_name as from_name, f.cust_type as from_type,
           coalesce(f.in_scope, false) as from_in_scope, e.to_cust_id, t.cust_name as to_name, t.cust_type as to_type,
           coalesce(t.in_scope, false) as to_in_scope, e.amount
      from edges e
      left join scoped f on f.cust_id = e.from_cust_id
      left join scoped t on t.cust_id = e.to_cust_id
)
select * from final order by kind, from_cust_id, to_cust_id
