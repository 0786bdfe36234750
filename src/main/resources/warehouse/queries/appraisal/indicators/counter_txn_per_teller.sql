-- description: counter transactions per teller (柜员人均业务量) over the period: counter transactions booked at the org, reversals excluded, over the tellers (post TELLER) on its staff on the period's last day; per teller, that teller's own count
-- grain: one row per org path (staff_id null) with tellers or counter transactions, and one per teller with counter transactions
-- name_zh: 柜员人均业务量
-- name_en: Counter transactions per teller
-- unit: 笔
-- direction: UP
-- levels: branch,person
-- perspective: GROWTH
-- ratio: true
-- flow: true
-- person_target: same
-- accounts: appraisal/accounts_teller_txns
-- param: from_date: the first day of the period
-- param: to_date: the last day of the period
-- column: org_path: the org's (or the teller's org's) materialized path
-- column: staff_id: the teller, null on an org row
-- column: amount: counter transactions
-- column: base: tellers on an org row, 1 on a teller's row
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on(:to_date) }}
),
tellers as (
    select s.staff_id, o.org_path
      from dw.dim_staff s join orgs o on o.org_id = s.org_id
     where {{ valid_on(s, :to_date) }} and s.post_code = 'TELLER' and s.status = 'A'
),
txns as (
    select o.org_path, t.teller_id, count(*) as n
      from dw.fact_deposit_txn t join orgs o on o.org_id = t.org_id
     where t.biz_date between :from_date and :to_date and t.channel = 'CNT' and not t.reversal
     group by o.org_path, t.teller_id
),
by_org as (
    select p.org_path, sum(p.n) as n, sum(p.tellers) as tellers
      from (select org_path, n, 0 as tellers from txns
            union all
            select org_path, 0 as n, 1 as tellers from tellers) p
     where {{ org_scope(p.org_path) }}
     group by p.org_path
),
final as (
    select org_path, cast(null as varchar) as staff_id, cast(n as decimal(24, 4)) as amount,
           cast(tellers as decimal(24, 4)) as base
      from by_org
    union all
    select s.org_path, s.staff_id, cast(sum(x.n) as decimal(24, 4)) as amount, cast(1 as decimal(24, 4)) as base
      from tellers s join txns x on x.teller_id = s.staff_id
     where {{ org_scope(s.org_path) }}
     group by s.org_path, s.staff_id
)
select * from final order by org_path, staff_id nulls first
