-- description: the bank's org tree as the core delivered it for one date, which the operational org tree follows
-- grain: one row per org
-- param: biz_date: the business date whose CORE_ORG is read
-- column: org_id: the org's id
-- column: org_name: the org's name
-- column: org_level: the org's level as delivered (1 head office, 2 branch, 3 sub-branch), unparsed
-- column: parent_org_id: the parent org's id; null for the head office
-- column: town_name: the town the org is in
-- column: status: A open, C closed
with orgs as (
    select org_id, org_name, org_level, parent_org_id, town_name, status
      from ods.core_org
     where biz_date = :biz_date
),
final as (
    select * from orgs
)
select * from final order by org_id
