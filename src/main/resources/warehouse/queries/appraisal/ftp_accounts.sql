-- description: the FTP figures of each account and loan on a date (the versions of mart.ftp_account valid on it) and the treasury's mismatch row (mart.ftp_org_daily); none for a date not built
-- grain: one row per account with a positive balance on the date, plus the TREASURY row, in account-kind and account order (the TREASURY row last); one page of at most :page_size rows after :after
-- param: business_date: the date
-- param: account_no: one account or loan; empty for all
-- param: after: the sort key (rank|kind|account) of the last row of the page before; empty for the first page
-- param: page_size: the most rows of a page
-- column: biz_date: the date
-- column: account_no: account or loan no (TREASURY for the treasury)
-- column: account_kind: DEMAND, TERM, LOAN or TREASURY
-- column: org_id: the account's org
-- column: product_code: the product
-- column: balance: end-of-day balance, yuan
-- column: customer_rate: annual customer rate
-- column: ftp_rate: annual FTP rate
-- column: curve_date: the curve used
-- column: term_days: the matched term in days
-- column: interest: the day's customer interest, yuan
-- column: ftp_amount: the day's transfer price, yuan
-- column: margin: the day's FTP margin, yuan
with built as (
    select biz_date, org_id, org_path, balance, ftp_amount, margin
      from mart.ftp_org_daily where biz_date = :business_date and account_kind = 'TREASURY'
),
accounts as (
    select b.biz_date, f.account_no, f.account_kind, f.org_id, f.product_code, f.balance, f.customer_rate,
           f.ftp_rate, f.curve_date, f.term_days, f.interest, f.ftp_amount, f.margin
      from mart.ftp_account f
      join built b on {{ valid_on(f, b.biz_date) }}
     where (:account_no = '' or f.account_no = :account_no) and {{ org_scope(f.org_path) }}
),
treasury as (
    select t.biz_date, 'TREASURY' as account_no, 'TREASURY' as account_kind, t.org_id, 'FTP' as product_code,
           t.balance, cast(null as decimal(10, 6)) as customer_rate, cast(null as decimal(10, 6)) as ftp_rate,
           (select max(f.curve_date) from mart.ftp_account f where {{ valid_on(f, t.biz_date) }}) as curve_date,
           cast(null as integer) as term_days, cast(null as decimal(18, 2)) as interest, t.ftp_amount, t.margin
      from built t
     where (:account_no = '' or :account_no = 'TREASURY') and {{ org_scope(t.org_path) }}
),
keyed as (
    select u.*,
           (case u.account_kind when 'TREASURY' then '2' else '1' end) || '|' || u.account_kind || '|' || u.account_no
               as sort_key
      from (select * from accounts union all select * from treasury) u
),
final as (
    select * from keyed where sort_key > :after order by sort_key limit :page_size
)
select biz_date, account_no, account_kind, org_id, product_code, balance, customer_rate, ftp_rate, curve_date,
       term_days, interest, ftp_amount, margin
  from final order by sort_key
