-- description: the home page's key figures within a scope, on the date shown and on the three dates it is compared with (环比, 比年初, 同比); T is a date held, each comparison point the last date held in its month on or before its day (a month held not at all gives no comparison, rather than one with an older month)
-- grain: one row per point (T, MONTH, YEAR, LAST_YEAR); biz_date null and figures 0 when no date is held for it
-- param: on_date: the date shown (T), a date the organisation mart holds
-- param: month_before: the last day of the month before T's, for 环比
-- param: year_before: the last day of the year before T's, for 比年初
-- param: year_ago: T a year earlier, for 同比
-- param: month_before_from: the first day of month_before's month
-- param: year_before_from: the first day of year_before's month (December)
-- param: year_ago_from: the first day of year_ago's month
-- column: point: T, MONTH, YEAR or LAST_YEAR
-- column: biz_date: the date held for the point
-- column: deposit_balance: deposits, yuan
-- column: loan_balance: loans, yuan
-- column: npl_balance: non-performing loans (five-class 3, 4, 5), yuan
-- column: cards: live cards
-- column: mob_users: mobile-banking users
-- column: pnet_users: personal online-banking users
-- column: merchants: POS merchants
-- column: devices: self-service devices
with held as (
    select distinct biz_date from mart.org_daily where biz_date <= :on_date
),
points as (
    select 'T' as point, max(biz_date) as biz_date from held where biz_date = :on_date
    union all
    select 'MONTH' as point, max(biz_date) as biz_date from held where biz_date between :month_before_from and :month_before
    union all
    select 'YEAR' as point, max(biz_date) as biz_date from held where biz_date between :year_before_from and :year_before
    union all
    select 'LAST_YEAR' as point, max(biz_date) as biz_date from held where biz_date between :year_ago_from and :year_ago
),
org_figures as (
    select o.biz_date, sum(o.deposit_balance) as deposit_balance, sum(o.loan_balance) as loan_balance,
           sum(o.npl_balance) as npl_balance, sum(o.cards) as cards, sum(o.merchants) as merchants,
           sum(o.devices) as devices
      from mart.org_daily o
     where o.biz_date in (select biz_date from points) and {{ org_scope(o.org_path) }}
     group by o.biz_date
),
ebank_figures as (
    select e.biz_date, sum(e.mob_users) as mob_users, sum(e.pnet_users) as pnet_users
      from mart.ebank_org_daily e
     where e.biz_date in (select biz_date from points) and {{ org_scope(e.org_path) }}
     group by e.biz_date
),
final as (
    select p.point, p.biz_date,
           cast(coalesce(f.deposit_balance, 0) as decimal(18, 2)) as deposit_balance,
           cast(coalesce(f.loan_balance, 0) as decimal(18, 2)) as loan_balance,
           cast(coalesce(f.npl_balance, 0) as decimal(18, 2)) as npl_balance,
           cast(coalesce(f.cards, 0) as bigint) as cards, cast(coalesce(e.mob_users, 0) as bigint) as mob_users,
           cast(coalesce(e.pnet_users, 0) as bigint) as pnet_users,
           cast(coalesce(f.merchants, 0) as bigint) as merchants, cast(coalesce(f.devices, 0) as bigint) as devices
      from points p
      left join org_figures f on f.biz_date = p.biz_date
      left join ebank_figures e on e.biz_date = p.biz_date
)
select * from final
