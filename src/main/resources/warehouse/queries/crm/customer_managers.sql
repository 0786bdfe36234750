-- description: the staff credited with a customer's business on a date, from the appraisal's mart.credit_share (defaults from the data, approved claims and hand-overs): the customer itself and its loans, accounts, cards, sign-ups and merchants
-- grain: one row per staff member and object kind, by staff id
-- param: cust_id: the customer
-- param: business_date: the date
-- column: staff_id: the member of staff
-- column: staff_name: their name
-- column: object_kind: CUSTOMER, DEPOSIT, LOAN, CARD, EB_USER or MERCHANT
-- column: objects: how many of the customer's objects of that kind they hold a share of
-- column: share_sum: the sum of their shares over those objects
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
objects as (
    select 'CUSTOMER' as object_kind, cust_id as object_id from customer
    union all
    select 'DEPOSIT', a.acct_no from dw.dim_deposit_account a join customer c on c.cust_id = a.cust_id
     where a.cust_id = :cust_id and {{ valid_on(a, :business_date) }}
    union all
    select 'LOAN', l.loan_no from dw.dim_loan l join customer c on c.cust_id = l.cust_id
     where l.cust_id = :cust_id and {{ valid_on(l, :business_date) }}
    union all
    select 'CARD', k.card_no from dw.dim_card k join customer c on c.cust_id = k.cust_id
     where k.cust_id = :cust_id and {{ valid_on(k, :business_date) }}
    union all
    select 'EB_USER', u.eb_user_id from dw.dim_eb_user u join customer c on c.cust_id = u.cust_id
     where u.cust_id = :cust_id and {{ valid_on(u, :business_date) }}
    union all
    select 'MERCHANT', m.merchant_id from dw.dim_merchant m join customer c on c.cust_id = m.cust_id
     where m.cust_id = :cust_id and {{ valid_on(m, :business_date) }}
),
shares as (
    select s.staff_id, s.object_kind, count(*) as objects, sum(s.share) as share_sum
      from mart.credit_share s
      join objects b on b.object_kind = s.object_kind and b.object_id = s.object_id
     where {{ valid_on(s, :business_date) }} and s.staff_id is not null
     group by s.staff_id, s.object_kind
),
staff as (
    select staff_id, staff_name from dw.dim_staff where valid_to = {{ open_end }}
),
final as (
    select s.staff_id, t.staff_name, s.object_kind, s.objects, s.share_sum
      from shares s left join staff t on t.staff_id = s.staff_id
)
select * from final order by staff_id, object_kind
