-- description: the versions of one deposit account's end-of-day balance, oldest first
-- grain: one row per version (valid_from)
-- param: acct_no: the account
-- column: valid_from: the first business date the balance held
-- column: valid_to: the last business date it held (9999-12-31 while it still holds)
-- column: balance: yuan
with versions as (
    select valid_from, valid_to, balance from dw.deposit_balance where acct_no = :acct_no
),
final as (
    select * from versions
)
select * from final order by valid_from
