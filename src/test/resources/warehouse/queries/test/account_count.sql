-- description: how many test accounts there are, whatever their org
-- grain: one row
-- column: accounts: the number of accounts
with final as (
    select count(*) as accounts from mart.test_account
)
select * from final
