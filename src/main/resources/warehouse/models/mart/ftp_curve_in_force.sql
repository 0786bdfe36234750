-- description: 对某日定价有效的 FTP 曲线拉链表：日期不晚于该日的各条曲线（另加第一条曲线，它为更早的起息日定价）。某日开始或结束的版本即该日定价依据的变化（新曲线生效，或补录了过去日期的曲线），mart.ftp_account 当日据此对全部账户重新定价。
-- grain: 每条曲线每个期限每段有效区间一行
-- materialized: scd2
-- key: curve_date, term_days
-- column: curve_date: 曲线日期
-- column: term_days: 期限（天，360天/年）
-- column: rate: 年利率（小数）
-- test: unique curve_date, term_days
with curves as (
    select curve_date, term_days, rate from ref.ftp_curve
),
final as (
    select curve_date, term_days, rate
      from curves
     where curve_date <= {{ biz_date }} or curve_date = (select min(curve_date) from curves)
)
select * from final
