-- description: 客户关系（CRM）：由数据得出的客户之间、企业与个人之间的关系边。LEGAL_REP 法定代表人→企业（CORE_CUSTOMER.LEGAL_REP_CUST_ID）；GUARANTOR 担保人→借款人（CRED_GUARANTEE 的保证，仅限未结清合同，ref_id 为合同号，amount 为担保金额）；EMPLOYER 雇主→员工（近 90 天代发工资批次的委托单位账户的客户→收款账户的客户，ref_id 为最近一个批次号，amount 为最近一笔工资）；COUNTERPARTY 付款客户→频繁交易对手（mart.crm_counterparty：近 90 天行内转账不少于 3 笔，ref_id 为空，amount 为 90 天转账金额合计）。同住一户（同村同地址）不在本表：按地址在客户维度上查出，由客户经理确认后记在业务库。互保、联保圈由应用在 GUARANTOR 边上检出。
-- grain: 每个业务日期、每种关系、每对（from_cust_id, to_cust_id）一行
-- materialized: partition
-- column: kind: LEGAL_REP、GUARANTOR、EMPLOYER 或 COUNTERPARTY
-- column: from_cust_id: 关系的起点（法定代表人、担保人、雇主、付款客户）
-- column: to_cust_id: 关系的终点（企业、借款人、员工、收款客户）
-- column: ref_id: 依据（GUARANTOR 为合同号之一，EMPLOYER 为最近的代发批次号，LEGAL_REP 与 COUNTERPARTY 为空）
-- column: amount: 担保金额合计、最近一笔工资或 90 天转账金额合计（元），LEGAL_REP 为空
-- column: org_id: 关系所属机构：GUARANTOR 为贷款经办机构，其他为终点客户的开户机构
-- column: org_path: 该机构的路径（按机构范围过滤）
-- test: unique kind, from_cust_id, to_cust_id
-- test: not_null org_path
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
customers as (
    select cust_id, legal_rep_cust_id, open_org_id from dw.dim_customer where {{ valid_on_t }}
),
legal_reps as (
    select 'LEGAL_REP' as kind, legal_rep_cust_id as from_cust_id, cust_id as to_cust_id,
           cast(null as varchar) as ref_id, cast(null as decimal(18, 2)) as amount, open_org_id as org_id
      from customers where legal_rep_cust_id is not null and legal_rep_cust_id <> cust_id
),
live_loans as (
    select l.contract_no, l.cust_id, l.org_id
      from dw.dim_loan l
      join dw.loan_balance b on b.loan_no = l.loan_no and {{ valid_on_t(b) }}
     where {{ valid_on_t(l) }} and b.status = 'A'
),
contracts as (
    select contract_no, min(cust_id) as cust_id, min(org_id) as org_id from live_loans group by contract_no
),
guarantors as (
    select 'GUARANTOR' as kind, g.guarantor_cust_id as from_cust_id, c.cust_id as to_cust_id,
           min(g.contract_no) as ref_id, cast(sum(g.guarantee_amt) as decimal(18, 2)) as amount, min(c.org_id) as org_id
      from dw.guarantee g
      join contracts c on c.contract_no = g.contract_no
     where {{ valid_on_t(g) }} and g.guarantee_type = 'G' and g.guarantor_cust_id <> c.cust_id
     group by g.guarantor_cust_id, c.cust_id
),
accounts as (
    select acct_no, cust_id from dw.dim_deposit_account where {{ valid_on_t }}
),
payroll as (
    select p.cust_id as from_cust_id, e.cust_id as to_cust_id, f.batch_no, f.amount, f.biz_date
      from dw.fact_agency_detail f
      join accounts p on p.acct_no = f.payer_acct_no
      join accounts e on e.acct_no = f.acct_no
     where f.biz_type = 'PAYROLL' and f.result = 'S' and f.biz_date <= {{ biz_date }}
       and {{ days_between(f.biz_date, {{ biz_date }}) }} < 90
),
latest_pay as (
    select from_cust_id, to_cust_id, batch_no, amount,
           row_number() over (partition by from_cust_id, to_cust_id order by biz_date desc, batch_no desc) as n
      from payroll where from_cust_id <> to_cust_id
),
employers as (
    select 'EMPLOYER' as kind, p.from_cust_id, p.to_cust_id, p.batch_no as ref_id,
           cast(p.amount as decimal(18, 2)) as amount, c.open_org_id as org_id
      from latest_pay p join customers c on c.cust_id = p.to_cust_id
     where p.n = 1
),
counterparties as (
    select 'COUNTERPARTY' as kind, from_cust_id, to_cust_id, cast(null as varchar) as ref_id, amount, org_id
      from mart.crm_counterparty where biz_date = {{ biz_date }}
),
edges as (
    select * from legal_reps
    union all
    select * from guarantors
    union all
    select * from employers
    union all
    select * from counterparties
),
final as (
    select {{ biz_date }} as biz_date, e.kind, e.from_cust_id, e.to_cust_id, e.ref_id, e.amount, e.org_id, o.org_path
      from edges e join orgs o on o.org_id = e.org_id
)
select * from final
