-- description: 渠道交易按机构、渠道的日汇总：笔数、金额、电子渠道标志，用于电子银行综合替代率（电子渠道笔数 / 全部笔数）。
-- grain: 每个业务日期、交易机构、渠道一行
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: e_channel: 是否电子渠道
-- column: txn_count: 交易笔数（不含冲正）
-- column: amount: 交易金额（元）
-- test: unique org_id, channel
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
final as (
    select t.biz_date, t.org_id, o.org_path, t.channel, t.e_channel,
           count(case when not t.reversal then 1 end) as txn_count,
           cast(sum(case when not t.reversal then t.amount else 0 end) as decimal(18, 2)) as amount
      from dw.fact_deposit_txn t left join orgs o on o.org_id = t.org_id
     where t.biz_date = {{ biz_date }}
     group by 1, 2, 3, 4, 5
)
select * from final
