-- description: what a customer contributed over a period: FTP margins of their deposits and loans from the appraisal's mart.ftp_account (each version's daily margin × its days within the period's built days; none while no curve priced the period) and the fee income of the merchants they run from mart.merchant_daily
-- grain: one row
-- param: cust_id: the customer
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: ftp_days: the days of the period on which the FTP mart priced the customer's accounts (0: no FTP, the caller uses the simple margin)
-- column: deposit_margin: FTP margin of the deposits over the period (yuan)
-- column: loan_margin: FTP margin of the loans over the period (yuan)
-- column: merchant_fees: discount fees of the customer's merchants over the period (yuan)
with customer as (
    select c.cust_id from dw.dim_customer c
      join dw.dim_org o on o.org_id = c.open_org_id and o.valid_to = {{ open_end }}
     where c.cust_id = :cust_id and c.valid_to = {{ open_end }} and {{ org_scope(o.org_path) }}
),
days_built as (
    select max(biz_date) as last_day from mart.ftp_org_daily where biz_date between :from_date and :to_date
),
versions as (
    select f.account_kind, f.margin, greatest(f.valid_from, :from_date) as span_from,
           least(f.valid_to, d.last_day) as span_to
      from mart.ftp_account f join customer c on c.cust_id = f.cust_id cross join days_built d
     where f.cust_id = :cust_id and f.valid_from <= d.last_day and f.valid_to >= :from_date
),
ftp as (
    select (select count(distinct cast(g.day as date))
              from versions v, unnest(generate_series(v.span_from, v.span_to, interval 1 day)) as g(day)) as ftp_days,
           sum(case when account_kind = 'LOAN' then 0 else margin * ({{ days_between(span_from, span_to) }} + 1) end) as deposit_margin,
           sum(case when account_kind = 'LOAN' then margin * ({{ days_between(span_from, span_to) }} + 1) else 0 end) as loan_margin
      from versions
),
fees as (
    select sum(d.mdr_fee) as merchant_fees
      from mart.merchant_daily d
     where d.biz_date between :from_date and :to_date
       and d.merchant_id in (select m.merchant_id from dw.dim_merchant m join customer c on c.cust_id = m.cust_id
                             where m.cust_id = :cust_id)
),
final as (
    select coalesce(f.ftp_days, 0) as ftp_days, cast(coalesce(f.deposit_margin, 0) as decimal(18, 2)) as deposit_margin,
           cast(coalesce(f.loan_margin, 0) as decimal(18, 2)) as loan_margin,
           cast(coalesce(m.merchant_fees, 0) as decimal(18, 2)) as merchant_fees
      from ftp f cross join fees m
)
select * from final
