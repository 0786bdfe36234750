-- description: FTP 恒等式：各业务条线（存款、贷款）的 FTP 利差加资金中心错配利差 = 全行净利息（贷款利息 − 存款利息，由余额拉链表与账户利率独立计算，每户当日利息按分四舍五入）；且每个余额为正的账户当日都有一个 FTP 版本（mart.ftp_account），资金中心行取自 mart.ftp_org_daily
-- model: mart.ftp_account
-- severity: error
with curve as (
    select count(*) as curves from ref.ftp_curve
),
deposit_interest as (
    select count(*) as accounts,
           sum({{ int_div(2 * cast(cast(b.balance * 100 as bigint) as {{ wide_int }}) * cast(a.int_rate * 1000000 as bigint) + 360000000, 720000000) }}) as fen
      from dw.deposit_balance b
      join dw.dim_deposit_account a on a.acct_no = b.acct_no and {{ valid_on_t(a) }}
     where {{ valid_on_t(b) }} and b.balance > 0
),
loan_interest as (
    select count(*) as accounts,
           sum({{ int_div(2 * cast(cast(b.balance * 100 as bigint) as {{ wide_int }}) * cast(l.int_rate * 1000000 as bigint) + 360000000, 720000000) }}) as fen
      from dw.loan_balance b
      join dw.dim_loan l on l.loan_no = b.loan_no and {{ valid_on_t(l) }}
     where {{ valid_on_t(b) }} and b.balance > 0
),
business as (
    select coalesce(sum(cast(margin * 100 as bigint)), 0) as business_fen, count(*) as accounts
      from mart.ftp_account where {{ valid_on_t }}
),
treasury as (
    select coalesce(sum(cast(margin * 100 as bigint)), 0) as treasury_fen
      from mart.ftp_org_daily where biz_date = {{ biz_date }} and account_kind = 'TREASURY'
),
margins as (
    select b.business_fen, t.treasury_fen, b.accounts from business b cross join treasury t
),
final as (
    select m.business_fen, m.treasury_fen, coalesce(l.fen, 0) - coalesce(d.fen, 0) as net_interest_fen,
           m.accounts as ftp_accounts, d.accounts + l.accounts as balance_accounts
      from margins m cross join deposit_interest d cross join loan_interest l cross join curve c
     where c.curves > 0
       and (m.business_fen + m.treasury_fen <> coalesce(l.fen, 0) - coalesce(d.fen, 0)
            or m.accounts <> d.accounts + l.accounts)
)
select * from final
