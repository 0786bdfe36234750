-- description: customers found by a text: the whole ID number, mobile, deposit account number or card number, or a part of the name; the text is compared literally (no wildcard is special), on the latest version of each dimension
-- grain: one row per customer within the scope (for a customer manager of own-customers scope: in their portfolio on the last date mart.crm_portfolio holds), best match first (ID number, mobile, account, card, name), then by name; at most 101 rows (the page shows 100 and says when there are more)
-- param: text: the search text, already trimmed
-- column: cust_id: the customer
-- column: cust_type: P person, C company
-- column: cust_name: the name
-- column: id_no: the ID number (masked before it is shown)
-- column: mobile: the mobile number (masked before it is shown)
-- column: org_id: the customer's opening org
-- column: org_name: its name
-- column: matched_by: ID_NO, MOBILE, ACCOUNT, CARD or NAME
with customers as (
    select cust_id, cust_type, cust_name, id_no, mobile, open_org_id from dw.dim_customer
     where valid_to = {{ open_end }}
),
orgs as (
    select org_id, org_name, org_path from dw.dim_org where valid_to = {{ open_end }}
),
hits as (
    select cust_id, 1 as rank, 'ID_NO' as matched_by from customers where upper(id_no) = upper(:text)
    union all
    select cust_id, 2, 'MOBILE' from customers where mobile = :text
    union all
    select cust_id, 3, 'ACCOUNT' from dw.dim_deposit_account where valid_to = {{ open_end }} and acct_no = :text
    union all
    select cust_id, 4, 'CARD' from dw.dim_card where valid_to = {{ open_end }} and card_no = :text
    union all
    select cust_id, 5, 'NAME' from customers where instr(cust_name, :text) > 0
),
best as (
    select cust_id, min(rank) as rank from hits group by cust_id
),
own as (
    select p.cust_id, p.staff_id from mart.crm_portfolio p join best b on b.cust_id = p.cust_id
     where p.biz_date = (select max(biz_date) from mart.crm_portfolio)
),
final as (
    select distinct c.cust_id, c.cust_type, c.cust_name, c.id_no, c.mobile, c.open_org_id as org_id, o.org_name,
           case b.rank when 1 then 'ID_NO' when 2 then 'MOBILE' when 3 then 'ACCOUNT' when 4 then 'CARD'
                       else 'NAME' end as matched_by,
           b.rank
      from best b
      join customers c on c.cust_id = b.cust_id
      join orgs o on o.org_id = c.open_org_id
      left join own p on p.cust_id = b.cust_id
     where {{ org_scope(o.org_path, p.staff_id) }}
)
select cust_id, cust_type, cust_name, id_no, mobile, org_id, org_name, matched_by from final
 order by rank, cust_name, cust_id
 limit 101
