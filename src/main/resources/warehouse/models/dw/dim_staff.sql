-- description: 员工维度（拉链表），来自 CORE_STAFF。
-- grain: 每个员工每个版本一行
-- materialized: scd2
-- key: staff_id
-- column: staff_id: 员工号
-- column: staff_name: 姓名
-- column: org_id: 所属机构
-- column: post_code: 岗位 TELLER/CM/HEAD/AUTH/OFFICE/OTHER
-- column: status: A 在职 L 离职
-- test: unique staff_id
-- test: accepted_values post_code TELLER,CM,HEAD,AUTH,OFFICE,OTHER warn
-- test: relationships org_id dw.dim_org.org_id warn
with final as (
    select staff_id, staff_name, org_id, post_code, hire_date, status
      from ods.core_staff where biz_date = {{ biz_date }}
)
select * from final
