-- description: a query using a model's business date, which a query has not
-- grain: one row per account
-- column: acct_no: the account
with final as (
    select acct_no from mart.test_account where opened <= {{ biz_date }}
)
select * from final
