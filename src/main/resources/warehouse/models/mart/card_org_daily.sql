-- description: 银行卡按发卡机构、卡产品、介质、状态的日终汇总：卡数、当日新发卡数（磁条卡换芯片卡的进度也看这里）。
-- grain: 每个业务日期、机构、卡产品、介质、卡状态一行
-- materialized: partition
-- column: org_path: 机构路径（按机构范围过滤）
-- column: cards: 卡数
-- column: new_cards: 当日新发卡数
-- test: unique issue_org_id, card_product, medium, card_status
-- test: not_null org_path
with orgs as (
    select org_id, org_path from dw.dim_org where {{ valid_on_t }}
),
cards as (
    select * from dw.dim_card where {{ valid_on_t }}
),
final as (
    select {{ biz_date }} as biz_date, c.issue_org_id, o.org_path, c.card_product, c.medium, c.card_status,
           count(*) as cards, count(case when c.issue_date = {{ biz_date }} then 1 end) as new_cards
      from cards c left join orgs o on o.org_id = c.issue_org_id
     group by 2, 3, 4, 5, 6
)
select * from final
