-- description: a query using a macro there is none of
-- grain: one row per account
-- column: acct_no: the account
with final as (
    select acct_no from mart.test_account where {{ valid_at(:to_date) }}
)
select * from final
