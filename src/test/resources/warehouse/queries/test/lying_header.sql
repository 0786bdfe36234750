-- description: a query whose header declares a column it does not return
-- grain: one row
-- column: accounts: the number of accounts
with final as (
    select count(*) as rows_counted from mart.test_account
)
select * from final
