-- description: 担保关系维度（拉链表），来自 CRED_GUARANTEE：哪位客户为哪份贷款合同担保（保证、抵押、质押），担保金额与押品；借款人见 dw.dim_loan。
-- grain: 每份合同、每位担保人每个版本一行
-- materialized: scd2
-- key: contract_no, guarantor_cust_id
-- column: contract_no: 贷款合同号
-- column: guarantor_cust_id: 担保人客户号（抵押、质押为押品所有人）
-- column: guarantee_type: X 信用 G 保证 M 抵押 P 质押（同 CRED_LOAN_CONTRACT.GUARANTEE_TYPE 的取值；接口规范对本表未另列）
-- column: guarantee_amt: 担保金额（元）
-- column: collateral_desc: 押品描述
-- test: unique contract_no, guarantor_cust_id
-- test: accepted_values guarantee_type X,G,M,P
-- test: relationships guarantor_cust_id dw.dim_customer.cust_id warn
with final as (
    select contract_no, guarantor_cust_id, guarantee_type, guarantee_amt, collateral_desc
      from ods.cred_guarantee where biz_date = {{ biz_date }}
)
select * from final
