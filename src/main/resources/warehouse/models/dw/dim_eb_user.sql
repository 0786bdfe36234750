-- description: 电子银行签约维度（拉链表）：个人网银、企业网银、手机银行、短信通知；企业网银含单笔与日累计限额。
-- grain: 每个签约每个版本一行
-- materialized: scd2
-- key: eb_user_id
-- column: eb_user_id: 签约号
-- column: eb_type: PNET CNET MOB SMS
-- column: single_limit: 单笔限额（企业网银）
-- column: daily_limit: 日累计限额（企业网银）
-- test: unique eb_user_id
-- test: accepted_values eb_type PNET,CNET,MOB,SMS
-- test: relationships sign_org_id dw.dim_org.org_id warn
with final as (
    select eb_user_id, cust_id, eb_type, sign_org_id, sign_date, status, acct_no, single_limit, daily_limit
      from ods.eb_user where biz_date = {{ biz_date }}
)
select * from final
