-- description: 客户维度（拉链表）。CORE_CUSTOMER 为增量：当日新增或变更的客户开新版本，CHANGE_FLAG=D 关闭客户。
-- grain: 每个客户每个版本一行
-- materialized: scd2
-- key: cust_id
-- changes_only: true
-- column: cust_id: 客户号
-- column: cust_type: P 个人 C 对公
-- column: cust_name: 客户名称
-- column: id_type: 证件类型
-- column: id_no: 证件号码
-- column: open_org_id: 开户机构
-- test: unique cust_id
-- test: accepted_values cust_type P,C
-- test: accepted_values gender M,F
-- test: relationships open_org_id dw.dim_org.org_id warn
with final as (
    select cust_id, cust_type, cust_name, id_type, id_no, gender, birth_date, mobile, address, town_name,
           village_name, occupation, legal_rep_cust_id, open_org_id, open_date,
           change_flag = 'D' as _deleted
      from ods.core_customer where biz_date = {{ biz_date }}
)
select * from final
