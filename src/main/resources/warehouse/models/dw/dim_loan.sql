-- description: 贷款借据维度（拉链表），借据属性与所属合同的产品、担保方式、客户经理；余额与五级分类的历史见 dw.loan_balance。
-- grain: 每笔借据每个版本一行
-- materialized: scd2
-- key: loan_no
-- column: loan_no: 借据号
-- column: contract_no: 合同号
-- column: product_code: FARM 农户小额 BIZ 经营 MORT 按揭 CONS 消费 CORP 对公
-- column: manager_staff_id: 客户经理
-- test: unique loan_no
-- test: relationships org_id dw.dim_org.org_id
-- test: relationships contract_no ods.cred_loan_contract.contract_no warn
with contracts as (
    select contract_no, product_code, guarantee_type, repay_method, manager_staff_id
      from ods.cred_loan_contract where biz_date = {{ biz_date }}
),
final as (
    select l.loan_no, l.contract_no, l.cust_id, l.org_id, l.disburse_date, l.maturity_date, l.loan_amt,
           l.int_rate, l.settle_acct_no, c.product_code, c.guarantee_type, c.repay_method, c.manager_staff_id
      from ods.cred_loan l left join contracts c on c.contract_no = l.contract_no
     where l.biz_date = {{ biz_date }}
)
select * from final
