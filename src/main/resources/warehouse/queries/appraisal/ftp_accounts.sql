-- description: the FTP figures of each account and loan on a date (and the treasury's mismatch row), from mart.ftp_account_daily
-- grain: one row per account with a positive balance on the date, plus the TREASURY row, in account-kind and account order
-- param: business_date: the date
-- param: account_no: one account or loan; empty for all
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
with accounts as (
    select * from mart.ftp_account_daily f
     where f.biz_date = :business_date and (:account_no = '' or f.account_no = :account_no)
       and {{ org_scope(f.org_path) }}
),
final as (
    select biz_date, account_no, account_kind, org_id, product_code, balance, customer_rate, ftp_rate, curve_date,
           term_days, interest, ftp_amount, margin
      from accounts
)
select * from final order by case account_kind when 'TREASURY' then 2 else 1 end, account_kind, account_no
