-- description: the test accounts of one owner, within a scope
-- grain: one row per account
-- param: owner: the owner asked for
-- column: acct_no: the account
-- column: opened: the day it opened
-- column: balance: its balance, yuan
-- column: txns: its transactions (a HUGEINT sum); null when it has none
with accounts as (
    select a.acct_no, a.opened, a.balance, cast(a.txns as hugeint) as txns
      from mart.test_account a
     where a.owner = :owner and {{ org_scope(a.org_path) }}
),
final as (
    select acct_no, opened, balance, txns from accounts
)
select * from final order by acct_no
