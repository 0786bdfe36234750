-- description: 内部资金转移定价（FTP）按账户的拉链表：存款与贷款每户在余额、利率、FTP 利率不变的每段区间的一行，含当日客户利息、当日 FTP 转移价格与当日 FTP 利差（deposits: balance × (FTP rate − customer rate); loans: balance × (customer rate − FTP rate)），区间内每日相同；某日的数字为 valid_from <= D <= valid_to 的版本，一段期间的合计 = 各版本当日数 × 与期间重叠的天数。当日计息 = 余额 × 年利率 ÷ 360，按分四舍五入；利差 = 两者之差，故各户利差加资金中心利差（mart.ftp_org_daily）等于全行净利息，精确到分。定期存款与贷款按起息日（开户日、放款日）生效的曲线、原始期限匹配（期限在两节点间按天数线性插值，短于隔夜取隔夜，长于5年取5年）；活期与通知存款按当日生效曲线的资金池利率 (O/N + 1Y) ÷ 2。某日生效的曲线 = 日期不晚于该日的最新曲线；起息日早于第一条曲线的账户取第一条曲线。每日只为数字可能变化的账户计算：余额或账户版本当日开始或前一日结束的账户；当日新曲线生效（且此前已有曲线）时另加全部活期与通知存款（资金池利率随之变化，定期与贷款的起息日曲线不变）；定价依据（mart.ftp_curve_in_force）有其他变化（补录过去日期的曲线、曲线改动、首条曲线）或机构树当日有变化时为全部账户。尚无曲线时本模型无行。
-- grain: 每个存款账户与贷款借据每段余额为正且数字不变的区间一行
-- materialized: scd2
-- key: account_no
-- changes_only: true
-- column: account_no: 账号或借据号
-- column: account_kind: DEMAND 活期与通知存款 TERM 定期存款 LOAN 贷款
-- column: org_id: 账户机构（存款开户机构、贷款经办机构）
-- column: org_path: 机构路径（按机构范围过滤）
-- column: cust_id: 客户号
-- column: product_code: 存款 CUR/FIX/NTC，贷款 FARM/BIZ/MORT/CONS/CORP
-- column: balance: 日终余额（元）DECIMAL(18,2)
-- column: customer_rate: 客户年利率 DECIMAL(10,6)
-- column: ftp_rate: FTP 年利率 DECIMAL(10,6)
-- column: curve_date: 所用曲线的日期
-- column: term_days: 匹配期限（天，360天/年；活期为空）
-- column: interest: 每日客户利息（元，存款为付息、贷款为收息），余额 × 客户利率 ÷ 360 按分四舍五入
-- column: ftp_amount: 每日 FTP 转移价格（元），余额 × FTP 利率 ÷ 360 按分四舍五入
-- column: margin: 每日 FTP 利差（元）DECIMAL(18,2)：存款 ftp_amount − interest，贷款 interest − ftp_amount
-- test: unique account_no
-- test: not_null margin
-- test: not_null org_path
-- test: accepted_values account_kind DEMAND,TERM,LOAN
with curve_changes as (
    -- 定价依据当日的变化；其中“当日新曲线生效”（版本当日开始、曲线日期即当日，且此前已有曲线）只改变资金池利率
    select count(*) as changes,
           sum(case when valid_from = {{ biz_date }} and curve_date = {{ biz_date }} then 0 else 1 end) as others
      from mart.ftp_curve_in_force
     where valid_from = {{ biz_date }} or valid_to = {{ prev_date }}
),
repriced as (
    -- everything: 全部账户重新定价（补录过去日期的曲线、曲线改动、首条曲线、机构树变化）；
    -- pool_only: 只有资金池利率变化，活期与通知存款重新定价，定期与贷款沿用起息日曲线，不必重算
    select (c.others > 0
            or (c.changes > 0 and (select count(*) from ref.ftp_curve where curve_date < {{ biz_date }}) = 0)
            or (select count(*) from dw.dim_org where valid_from = {{ biz_date }} or valid_to = {{ prev_date }}) > 0
           ) as everything,
           c.changes > 0 as pool_changed
      from curve_changes c
),
candidates as (
    -- 自身输入有变化的账户：某版本当日开始或前一日结束（可能已无余额的账户都在其中）；全部重新定价时，其余账户
    -- 在 deposits、loans 中整体取得，不在此逐户列出
    select acct_no as account_no from dw.deposit_balance
     where valid_from = {{ biz_date }} or valid_to = {{ prev_date }}
    union
    select acct_no from dw.dim_deposit_account where valid_from = {{ biz_date }} or valid_to = {{ prev_date }}
    union
    select loan_no from dw.loan_balance
     where valid_from = {{ biz_date }} or valid_to = {{ prev_date }}
    union
    select loan_no from dw.dim_loan where valid_from = {{ biz_date }} or valid_to = {{ prev_date }}
),
curve_dates as (
    select distinct curve_date from ref.ftp_curve
),
curve_spans as (
    select curve_date,
           case when curve_date = min(curve_date) over () then date '0001-01-01' else curve_date end as span_from,
           coalesce(lead(curve_date) over (order by curve_date) - 1, {{ open_end }}) as span_to
      from curve_dates
),
nodes as (
    select curve_date, term_days as lo_days, cast(rate * 1000000 as bigint) as lo_micro,
           lead(term_days) over (partition by curve_date order by term_days) as hi_days,
           lead(cast(rate * 1000000 as bigint)) over (partition by curve_date order by term_days) as hi_micro
      from ref.ftp_curve
),
today_curve as (
    select curve_date from curve_spans where span_from <= {{ biz_date }} and span_to >= {{ biz_date }}
),
pool as (
    select c.curve_date,
           {{ int_div(sum(case when n.lo_days in (1, 360) then n.lo_micro else 0 end) + 1, 2) }} as pool_micro
      from today_curve c join nodes n on n.curve_date = c.curve_date
     group by c.curve_date
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
deposits as (
    select a.acct_no as account_no,
           case when a.product_code = 'FIX' then 'TERM' else 'DEMAND' end as account_kind,
           b.org_id, a.cust_id, a.product_code, b.balance, a.int_rate as customer_rate, a.open_date as originated,
           case when a.product_code = 'FIX' then a.term_months * 30 end as term_days
      from dw.deposit_balance b
      join dw.dim_deposit_account a on a.acct_no = b.acct_no and {{ valid_on_t(a) }}
     where {{ valid_on_t(b) }} and b.balance > 0
       and ((select everything from repriced)
            or ((select pool_changed from repriced) and a.product_code <> 'FIX')
            or b.acct_no in (select account_no from candidates))
),
loans as (
    select l.loan_no as account_no, 'LOAN' as account_kind, b.org_id, l.cust_id, l.product_code, b.balance,
           l.int_rate as customer_rate, l.disburse_date as originated,
           greatest({{ days_between(l.disburse_date, l.maturity_date) }}, 1) as term_days
      from dw.loan_balance b
      join dw.dim_loan l on l.loan_no = b.loan_no and {{ valid_on_t(l) }}
     where {{ valid_on_t(b) }} and b.balance > 0
       and ((select everything from repriced) or b.loan_no in (select account_no from candidates))
),
accounts as (
    select * from deposits
    union all
    select * from loans
),
terms as (
    select distinct originated, term_days from accounts where account_kind <> 'DEMAND'
),
matched as (
    select t.originated, t.term_days, s.curve_date,
           case when n.hi_days is null or t.term_days <= n.lo_days then n.lo_micro
                else {{ int_div(2 * (n.lo_micro * (n.hi_days - t.term_days) + n.hi_micro * (t.term_days - n.lo_days)) + (n.hi_days - n.lo_days), 2 * (n.hi_days - n.lo_days)) }}
           end as ftp_micro
      from terms t
      join curve_spans s on s.span_from <= t.originated and s.span_to >= t.originated
      join nodes n on n.curve_date = s.curve_date
                  and n.lo_days <= t.term_days and (n.hi_days is null or n.hi_days > t.term_days)
),
priced as (
    select a.account_no, a.account_kind, a.org_id, a.cust_id, a.product_code, a.balance, a.customer_rate,
           coalesce(m.curve_date, p.curve_date) as curve_date, a.term_days,
           coalesce(m.ftp_micro, p.pool_micro) as ftp_micro,
           cast(a.balance * 100 as bigint) as balance_fen,
           cast(a.customer_rate * 1000000 as bigint) as customer_micro
      from accounts a
      left join matched m on a.account_kind <> 'DEMAND' and m.originated = a.originated and m.term_days = a.term_days
      cross join pool p
),
amounts as (
    select p.*,
           {{ int_div(2 * cast(balance_fen as {{ wide_int }}) * customer_micro + 360000000, 720000000) }} as interest_fen,
           {{ int_div(2 * cast(balance_fen as {{ wide_int }}) * ftp_micro + 360000000, 720000000) }} as ftp_fen
      from priced p
),
lines as (
    select account_no, account_kind, org_id, cust_id, product_code, balance, customer_rate, curve_date, term_days,
           ftp_micro, interest_fen, ftp_fen,
           case when account_kind = 'LOAN' then interest_fen - ftp_fen else ftp_fen - interest_fen end as margin_fen
      from amounts
),
gone as (
    select account_no from candidates where account_no not in (select account_no from lines)
),
final as (
    select l.account_no, l.account_kind, l.org_id, o.org_path, l.cust_id, l.product_code,
           cast(l.balance as decimal(18, 2)) as balance,
           cast(l.customer_rate as decimal(10, 6)) as customer_rate,
           cast(cast(l.ftp_micro as decimal(18, 0)) * 0.000001 as decimal(10, 6)) as ftp_rate,
           l.curve_date, l.term_days,
           cast(cast(l.interest_fen as decimal(18, 0)) * 0.01 as decimal(18, 2)) as interest,
           cast(cast(l.ftp_fen as decimal(18, 0)) * 0.01 as decimal(18, 2)) as ftp_amount,
           cast(cast(l.margin_fen as decimal(18, 0)) * 0.01 as decimal(18, 2)) as margin,
           false as _deleted
      from lines l
      left join orgs o on o.org_id = l.org_id
    union all
    select account_no, null, null, null, null, null, null, null, null, null, null, null, null, null, true
      from gone
)
select * from final
