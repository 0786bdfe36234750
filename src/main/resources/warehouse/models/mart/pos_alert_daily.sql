-- description: POS 可疑交易复核清单：信用卡整数大额（2万、3万、5万元他行信用卡消费）、同一卡号 10 分钟内 3 笔及以上消费、凌晨 1 点至 5 点的消费；每笔可疑交易每条规则一行。
-- grain: 每个业务日期、POS 交易、命中规则一行
-- materialized: partition
-- column: org_path: 商户所属机构路径（按机构范围过滤）
-- column: rule: ROUND 整数大额信用卡消费，BURST 短时多笔，NIGHT 凌晨消费
-- test: unique pos_txn_seq, rule
-- test: not_null rule
with merchants as (
    select merchant_id, merchant_name, org_id from dw.dim_merchant
     where {{ valid_on_t }}
),
orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
sales as (
    select * from ods.acq_pos_txn where biz_date = {{ biz_date }} and txn_kind = 'SALE' and status = 'S'
),
round_sales as (
    select pos_txn_seq, 'ROUND' as rule from sales
     where card_type = 'C' and card_issuer = 'OTHER' and amount in (20000.00, 30000.00, 50000.00)
),
bursts as (
    select distinct s.pos_txn_seq, 'BURST' as rule
      from sales s join sales o on o.card_no = s.card_no and o.merchant_id = s.merchant_id
       and o.txn_time between s.txn_time - interval 10 minute and s.txn_time + interval 10 minute
     group by s.pos_txn_seq
    having count(*) >= 3
),
night as (
    select pos_txn_seq, 'NIGHT' as rule from sales where hour(txn_time) >= 1 and hour(txn_time) < 5
),
flagged as (
    select * from round_sales union all select * from bursts union all select * from night
),
final as (
    select {{ biz_date }} as biz_date, f.pos_txn_seq, f.rule, s.merchant_id, m.merchant_name, m.org_id, o.org_path,
           s.txn_time, s.card_no, s.card_issuer, s.card_type, s.amount
      from flagged f
      join sales s on s.pos_txn_seq = f.pos_txn_seq
      left join merchants m on m.merchant_id = s.merchant_id
      left join orgs o on o.org_id = m.org_id
)
select * from final
