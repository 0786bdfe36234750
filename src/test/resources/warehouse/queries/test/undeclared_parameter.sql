-- description: a query using a parameter its header does not declare
-- grain: one row per account
-- column: acct_no: the account
with final as (
    select acct_no from mart.test_account where owner = :owner
)
select * from final
