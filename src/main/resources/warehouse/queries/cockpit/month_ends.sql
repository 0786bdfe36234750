-- description: the trend lines of the home page: deposits, loans, cards and mobile-banking users within a scope at the last held date of each month of a period
-- grain: one row per month of the period that the organisation mart holds a date in, in month order
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: biz_date: the last date held in the month
-- column: deposit_balance: deposits, yuan
-- column: loan_balance: loans, yuan
-- column: cards: live cards
-- column: mob_users: mobile-banking users
with held as (
    select distinct biz_date from mart.org_daily where biz_date between :from_date and :to_date
),
month_ends as (
    select max(biz_date) as biz_date from held group by extract(year from biz_date), extract(month from biz_date)
),
org_figures as (
    select o.biz_date, sum(o.deposit_balance) as deposit_balance, sum(o.loan_balance) as loan_balance,
           sum(o.cards) as cards
      from mart.org_daily o
     where o.biz_date in (select biz_date from month_ends) and {{ org_scope(o.org_path) }}
     group by o.biz_date
),
ebank_figures as (
    select e.biz_date, sum(e.mob_users) as mob_users
      from mart.ebank_org_daily e
     where e.biz_date in (select biz_date from month_ends) and {{ org_scope(e.org_path) }}
     group by e.biz_date
),
final as (
    select m.biz_date,
           cast(coalesce(f.deposit_balance, 0) as decimal(18, 2)) as deposit_balance,
           cast(coalesce(f.loan_balance, 0) as decimal(18, 2)) as loan_balance,
           cast(coalesce(f.cards, 0) as bigint) as cards, cast(coalesce(e.mob_users, 0) as bigint) as mob_users
      from month_ends m
      left join org_figures f on f.biz_date = m.biz_date
      left join ebank_figures e on e.biz_date = m.biz_date
     order by m.biz_date
)
select * from final
