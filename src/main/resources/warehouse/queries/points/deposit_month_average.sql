-- description: each customer's daily-average deposit balance over a month, from mart.points_basis_daily: the sum of its end-of-day balances divided by the days of the month (a day without a balance counts as zero)
-- grain: one row per customer whose average reaches :min_balance
-- param: from_date: the first day of the month
-- param: to_date: the last day of the month
-- param: month_days: the days of the month
-- param: min_balance: the least average that earns anything, yuan
-- column: cust_id: the customer
-- column: org_path: the path of the customer's org (the greatest of the month's, should it have moved)
-- column: average_balance: the daily-average deposit balance, yuan
with days as (
    select cust_id, org_path, deposit_balance
      from mart.points_basis_daily
     where biz_date between :from_date and :to_date and {{ org_scope(org_path) }}
),
averages as (
    select cust_id, max(org_path) as org_path,
           cast(sum(deposit_balance) / :month_days as decimal(18, 2)) as average_balance
      from days
     group by cust_id
),
final as (
    select * from averages where average_balance >= :min_balance
)
select * from final order by cust_id
