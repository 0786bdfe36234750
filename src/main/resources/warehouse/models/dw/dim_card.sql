-- description: 卡片维度（拉链表），来自 CORE_CARD。
-- grain: 每张卡每个版本一行
-- materialized: scd2
-- key: card_no
-- column: card_no: 卡号
-- column: card_product: JN 金农卡 SM 市民卡 SB 社保卡
-- column: medium: M 磁条 I 芯片
-- column: card_status: N 正常 U 未激活 L 挂失 C 注销
-- test: unique card_no
-- test: accepted_values card_product JN,SM,SB
-- test: accepted_values medium M,I
-- test: accepted_values card_status N,U,L,C
-- test: relationships acct_no dw.dim_deposit_account.acct_no warn
with final as (
    select card_no, acct_no, cust_id, card_product, medium, issue_org_id, issue_date, card_status, activate_date,
           replaced_card_no
      from ods.core_card where biz_date = {{ biz_date }}
)
select * from final
