-- description: the merchants behind a new-merchant figure: merchants signed in the period, credited to a member of staff (or every merchant when staff_id is null) within the org rows asked
-- grain: one row per merchant, by signing date
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- param: staff_id: the credited member of staff, or null for every merchant of the org rows
-- column: account_no: the merchant number
-- column: cust_id: the merchant's customer number
-- column: product_code: the merchant category code
-- column: org_id: the acquiring org
-- column: staff_id: the credited member of staff asked, else the merchant's customer manager
-- column: balance: null (merchants carry no balance)
-- column: detail: null
-- column: new_in_period: always true (signed in the period)
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
final as (
    select m.merchant_id as account_no, m.cust_id, m.mcc as product_code, m.org_id, coalesce(c.staff_id, m.manager_staff_id) as staff_id,
           cast(null as decimal(18, 2)) as balance, cast(null as varchar) as detail, true as new_in_period
      from dw.dim_merchant m join orgs o on o.org_id = m.org_id
      left join mart.credit_share c on c.object_kind = 'MERCHANT' and c.object_id = m.merchant_id
       and c.staff_id = cast(:staff_id as varchar) and {{ valid_on(c, :to_date) }}
     where {{ valid_on(m, :to_date) }} and m.sign_date between :from_date and :to_date
       and (cast(:staff_id as varchar) is null or c.share > 0) and {{ org_scope(o.org_path) }}
)
select * from final order by account_no limit 500
