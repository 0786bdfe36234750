-- description: 机构维度（拉链表）。省联社 CORE_ORG 的机构树，带物化路径 org_path（/总行/支行/分理处/），按机构范围过滤的依据。
-- grain: 每个机构每个版本一行
-- materialized: scd2
-- key: org_id
-- column: org_id: 机构号
-- column: org_name: 机构名称
-- column: org_level: 级别 1 总行 2 支行 3 分理处
-- column: parent_org_id: 上级机构号
-- column: org_path: 物化路径，自总行起的机构号链
-- column: town_name: 所在乡镇
-- column: area_class: U 城区 S 城郊 R 农村
-- column: open_date: 开业日期
-- column: status: A 营业 C 撤销
-- test: unique org_id
-- test: not_null org_path
-- test: accepted_values org_level 1,2,3
-- test: accepted_values status A,C
with recursive src as (
    select * from ods.core_org where biz_date = {{ biz_date }}
),
tree as (
    select org_id, '/' || org_id || '/' as org_path, 1 as depth from src where parent_org_id is null
    union all
    select s.org_id, t.org_path || s.org_id || '/' as org_path, t.depth + 1 as depth
      from src s join tree t on s.parent_org_id = t.org_id
     where t.depth < 6
),
final as (
    select s.org_id, s.org_name, cast(s.org_level as integer) as org_level, s.parent_org_id, t.org_path,
           s.town_name, s.area_class, s.open_date, s.status
      from src s left join tree t on t.org_id = s.org_id
)
select * from final
