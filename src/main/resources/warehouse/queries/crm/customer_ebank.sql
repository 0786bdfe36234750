-- description: one customer's e-banking and SMS sign-ups on a date, with the e-channel transactions of the signed account over the period (activity)
-- grain: one row per sign-up of the customer (within the scope) whose version is valid on to_date, by sign date
-- param: cust_id: the customer
-- param: from_date: the first day of the activity period
-- param: to_date: the business date
-- column: eb_user_id: the sign-up
-- column: eb_type: PNET personal online, CNET corporate online, MOB mobile, SMS notices
-- column: sign_org_id: the signing org
-- column: sign_date: the sign date
-- column: status: A active, C cancelled
-- column: acct_no: the signed account
-- column: e_txns: transactions of the signed account on e-channels (online, mobile, ATM, POS, village terminal) over the period
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
users as (
    select u.* from dw.dim_eb_user u join customer c on c.cust_id = u.cust_id
     where u.cust_id = :cust_id and {{ valid_on(u, :to_date) }}
),
activity as (
    select t.acct_no, count(*) as e_txns from dw.fact_deposit_txn t
     where t.biz_date between :from_date and :to_date and t.e_channel
       and t.acct_no in (select acct_no from users)
     group by t.acct_no
),
final as (
    select u.eb_user_id, u.eb_type, u.sign_org_id, u.sign_date, u.status, u.acct_no, coalesce(a.e_txns, 0) as e_txns
      from users u left join activity a on a.acct_no = u.acct_no
)
select * from final order by sign_date, eb_user_id
