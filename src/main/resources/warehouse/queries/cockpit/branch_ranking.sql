-- description: the branches ranked by deposit growth since the year's start; the rank is taken across the whole bank and only then narrowed to the scope, so a branch head sees the branch's place in the bank
-- grain: one row per open branch (org level 2) in the scope, best first
-- param: on_date: the date shown (a date the organisation mart holds)
-- param: year_start: the date held for the year's start (比年初); null when none is held
-- column: org_id: the branch
-- column: org_name: its name
-- column: deposit_balance: its deposits with its outlets', yuan
-- column: deposit_growth: deposit_balance less the same at year_start, yuan
-- column: loan_balance: its loans with its outlets', yuan
-- column: cards: its live cards with its outlets'
-- column: bank_rank: its place among all the bank's branches by deposit_growth (1 = most)
with branches as (
    select org_id, org_name, org_path from dw.dim_org
     where {{ valid_on(:on_date) }} and org_level = 2 and status = 'A'
),
on_date as (
    select b.org_id, sum(o.deposit_balance) as deposit_balance, sum(o.loan_balance) as loan_balance,
           sum(o.cards) as cards
      from branches b join mart.org_daily o on o.biz_date = :on_date and o.org_path like b.org_path || '%'
     group by b.org_id
),
year_start as (
    select b.org_id, sum(o.deposit_balance) as deposit_balance
      from branches b join mart.org_daily o on o.biz_date = :year_start and o.org_path like b.org_path || '%'
     group by b.org_id
),
grown as (
    select b.org_id, b.org_name, b.org_path,
           coalesce(n.deposit_balance, 0) as deposit_balance,
           coalesce(n.deposit_balance, 0) - coalesce(y.deposit_balance, 0) as deposit_growth,
           coalesce(n.loan_balance, 0) as loan_balance, coalesce(n.cards, 0) as cards
      from branches b
      left join on_date n on n.org_id = b.org_id
      left join year_start y on y.org_id = b.org_id
),
ranked as (
    select g.*, rank() over (order by g.deposit_growth desc) as bank_rank from grown g
),
final as (
    select r.org_id, r.org_name, cast(r.deposit_balance as decimal(18, 2)) as deposit_balance,
           cast(r.deposit_growth as decimal(18, 2)) as deposit_growth,
           cast(r.loan_balance as decimal(18, 2)) as loan_balance, cast(r.cards as bigint) as cards,
           cast(r.bank_rank as integer) as bank_rank
      from ranked r
     where {{ org_scope(r.org_path) }}
     order by r.bank_rank, r.org_id
)
select * from final
