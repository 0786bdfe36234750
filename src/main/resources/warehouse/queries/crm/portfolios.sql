-- description: the customer managers' portfolios on a date: each member of staff with customers in mart.crm_portfolio, within the scope (a customer manager of own-customers scope sees their own line)
-- grain: one row per member of staff, by org path and staff id
-- param: business_date: the date
-- column: staff_id: the member of staff
-- column: staff_name: their name
-- column: org_id: the org they work at
-- column: post_code: TELLER, CM, HEAD, AUTH, OFFICE or OTHER
-- column: status: A in service, L left
-- column: customers: how many customers of the scope hold them credited
with portfolio as (
    select p.staff_id, p.cust_id
      from mart.crm_portfolio p
     where p.biz_date = :business_date and {{ org_scope(p.org_path, p.staff_id) }}
),
counts as (
    select staff_id, count(*) as customers from portfolio group by staff_id
),
staff as (
    select staff_id, staff_name, org_id, post_code, status from dw.dim_staff where {{ valid_on(:business_date) }}
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:business_date) }}
),
final as (
    select c.staff_id, s.staff_name, s.org_id, s.post_code, s.status, c.customers, o.org_path
      from counts c
      left join staff s on s.staff_id = c.staff_id
      left join orgs o on o.org_id = s.org_id
)
select staff_id, staff_name, org_id, post_code, status, customers from final order by org_path, staff_id
