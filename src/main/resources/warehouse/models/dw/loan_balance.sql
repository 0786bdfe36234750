-- description: 贷款余额拉链表：余额、逾期、五级分类与状态的历史，任一历史日期可查，区间日均精确。
-- grain: 每笔借据每段状态不变的区间一行
-- materialized: scd2
-- key: loan_no
-- column: loan_no: 借据号
-- column: balance: 贷款余额（元）
-- column: class_5: 五级分类 1 正常 2 关注 3 次级 4 可疑 5 损失
-- column: status: A 正常 S 结清 W 核销
-- test: unique loan_no
-- test: not_null balance
-- test: accepted_values class_5 1,2,3,4,5
-- test: accepted_values status A,S,W
with final as (
    select loan_no, org_id, balance, overdue_principal, overdue_interest, dpd, class_5, status
      from ods.cred_loan where biz_date = {{ biz_date }}
)
select * from final
