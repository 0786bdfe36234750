-- description: one customer's identity as the latest version of the customer dimension holds it; no row when the customer does not exist or lies outside the scope (for a customer manager of own-customers scope: not in their portfolio on the last date mart.crm_portfolio holds)
-- grain: one row, or none
-- param: cust_id: the customer
-- column: cust_id: the customer
-- column: cust_type: P person, C company
-- column: cust_name: the name
-- column: id_type: the ID document's type
-- column: id_no: the ID number (masked before it is shown)
-- column: gender: M or F; null for a company
-- column: birth_date: the birth date; null for a company
-- column: mobile: the mobile number (masked before it is shown)
-- column: address: the address
-- column: town_name: the town
-- column: village_name: the village
-- column: occupation: the occupation code
-- column: legal_rep_cust_id: a company's legal representative
-- column: org_id: the opening org
-- column: org_name: its name
-- column: org_path: its path
-- column: open_date: the day the customer was opened
with customers as (
    select * from dw.dim_customer where cust_id = :cust_id and valid_to = {{ open_end }}
),
orgs as (
    select org_id, org_name, org_path from dw.dim_org where valid_to = {{ open_end }}
),
own as (
    select cust_id, staff_id from mart.crm_portfolio
     where cust_id = :cust_id and biz_date = (select max(biz_date) from mart.crm_portfolio)
),
final as (
    select distinct c.cust_id, c.cust_type, c.cust_name, c.id_type, c.id_no, c.gender, c.birth_date, c.mobile, c.address,
           c.town_name, c.village_name, c.occupation, c.legal_rep_cust_id, c.open_org_id as org_id, o.org_name,
           o.org_path, c.open_date
      from customers c join orgs o on o.org_id = c.open_org_id
      left join own p on p.cust_id = c.cust_id
     where {{ org_scope(o.org_path, p.staff_id) }}
)
select * from final
