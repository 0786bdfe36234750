-- description: 代理业务明细事实（代发工资、养老金、补贴、代扣）：当日每笔明细带批次的业务类型、委托单位账号与机构，客户关系（雇主→员工）与客户的代发到账由此而来。
-- grain: 每个业务日期、每个批次、每笔明细一行
-- materialized: partition
-- column: batch_no: 批次号
-- column: seq_no: 批次内序号
-- column: biz_type: PAYROLL 代发工资 PENSION 养老金 SUBSIDY 补贴 PDEDUCT 代扣
-- column: payer_acct_no: 委托单位账号（代发工资为雇主的账户）
-- column: acct_no: 收款或扣款账号
-- column: amount: 金额（元）
-- column: result: 结果（S 成功）
-- test: unique batch_no, seq_no
with batches as (
    select batch_no, biz_type, payer_name, payer_acct_no, org_id
      from ods.mid_agency_batch where biz_date = {{ biz_date }}
),
final as (
    select {{ biz_date }} as biz_date, d.batch_no, d.seq_no, b.biz_type, b.payer_name, b.payer_acct_no, b.org_id,
           d.acct_no, d.amount, d.result
      from ods.mid_agency_detail d
      join batches b on b.batch_no = d.batch_no
     where d.biz_date = {{ biz_date }}
)
select * from final
