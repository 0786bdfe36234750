-- description: the accounts behind an FTP-profit figure: per account or loan, its margins over the period's built days (each version of mart.ftp_account: its day's margin × the days it overlaps the period), times the credit share of a member of staff (the account's own, else its customer's, as mart.ftp_staff_daily credits it; whole when staff_id is null) within the org rows asked
-- grain: one row per account, largest margin first
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- param: staff_id: the credited member of staff, or null for every account of the org rows
-- column: account_no: the account or loan
-- column: cust_id: the customer number
-- column: product_code: the product
-- column: org_id: the booking org
-- column: staff_id: the credited member of staff, null for all
-- column: balance: the margin credited, yuan
-- column: detail: DEMAND, TERM or LOAN
-- column: new_in_period: always true
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
staff_objects as (
    select object_kind, object_id from mart.credit_share
     where staff_id = cast(:staff_id as varchar) and valid_from <= :to_date and valid_to >= :from_date
),
staff_accounts as (
    select object_id as account_no from staff_objects where object_kind in ('DEPOSIT', 'LOAN')
    union
    select a.acct_no from dw.dim_deposit_account a
      join staff_objects o on o.object_kind = 'CUSTOMER' and o.object_id = a.cust_id
     where a.valid_from <= :to_date and a.valid_to >= :from_date
    union
    select l.loan_no from dw.dim_loan l
      join staff_objects o on o.object_kind = 'CUSTOMER' and o.object_id = l.cust_id
     where l.valid_from <= :to_date and l.valid_to >= :from_date
),
days_built as (
    select :from_date as first_day, max(biz_date) as last_day
      from mart.ftp_org_daily where biz_date between :from_date and :to_date
),
versions as (
    select f.account_no, f.account_kind, f.cust_id, f.product_code, f.org_id, f.margin,
           greatest(f.valid_from, d.first_day) as span_from, least(f.valid_to, d.last_day) as span_to
      from mart.ftp_account f
      join orgs o on o.org_id = f.org_id
     cross join days_built d
     where f.valid_from <= d.last_day and f.valid_to >= d.first_day and {{ org_scope(o.org_path) }}
       and (cast(:staff_id as varchar) is null
            or f.account_no in (select account_no from staff_accounts))
),
candidates as (
    select cast(g.biz_date as date) as biz_date, v.account_no, v.account_kind, v.cust_id, v.product_code, v.org_id,
           v.margin
      from versions v, unnest(generate_series(v.span_from, v.span_to, interval 1 day)) as g(biz_date)
     where cast(:staff_id as varchar) is not null
),
margins as (
    select f.biz_date, f.account_no, f.account_kind, f.cust_id, f.product_code, f.org_id, f.margin,
           coalesce((select sum(c.share) from mart.credit_share c
                      where c.object_kind = case when f.account_kind = 'LOAN' then 'LOAN' else 'DEPOSIT' end
                        and c.object_id = f.account_no and c.staff_id = cast(:staff_id as varchar)
                        and {{ valid_on(c, f.biz_date) }}),
                    (select sum(c.share) from mart.credit_share c
                      where c.object_kind = 'CUSTOMER' and c.object_id = f.cust_id
                        and c.staff_id = cast(:staff_id as varchar)
                        and {{ valid_on(c, f.biz_date) }}
                        and not exists (select 1 from mart.credit_share o
                                         where o.object_kind = case when f.account_kind = 'LOAN' then 'LOAN'
                                                                    else 'DEPOSIT' end
                                           and o.object_id = f.account_no
                                           and {{ valid_on(o, f.biz_date) }})), 0) as share
      from candidates f
     where cast(:staff_id as varchar) is not null
),
final as (
    select account_no, max(cust_id) as cust_id, max(product_code) as product_code, org_id,
           cast(null as varchar) as staff_id,
           cast(sum(margin * ({{ days_between(span_from, span_to) }} + 1)) as decimal(18, 2)) as balance,
           max(account_kind) as detail, true as new_in_period
      from versions
     where cast(:staff_id as varchar) is null
     group by account_no, org_id
    union all
    select account_no, max(cust_id) as cust_id, max(product_code) as product_code, org_id,
           cast(:staff_id as varchar) as staff_id, cast(sum(margin * share) as decimal(18, 2)) as balance,
           max(account_kind) as detail, true as new_in_period
      from margins
     group by account_no, org_id
    having sum(share) > 0
)
select * from final order by balance desc, account_no limit 500
