-- description: the credit of one object on a date as mart.credit_share holds it: its staff shares and the org's remainder; no row when the object is wholly its org's
-- grain: one row per staff member (or the org, staff_id null) holding a share of the object on the date, staff first
-- param: object_kind: CUSTOMER, DEPOSIT, LOAN, CARD, EB_USER or MERCHANT
-- param: object_id: the object's id
-- param: business_date: the date
-- column: object_kind: the kind
-- column: object_id: the id
-- column: staff_id: the staff member; null for the org's share
-- column: org_id: the object's org
-- column: org_path: its path
-- column: share: the share, 0..1
-- column: source: DEFAULT, CLAIM, HANDOVER, SETTLEMENT or ORG
-- column: valid_from: first day of the span
-- column: valid_to: last day of the span
with shares as (
    select * from mart.credit_share c
     where c.object_kind = :object_kind and c.object_id = :object_id
       and {{ valid_on(c, :business_date) }} and {{ org_scope(c.org_path) }}
),
final as (
    select object_kind, object_id, staff_id, org_id, org_path, share, source, valid_from, valid_to from shares
)
select * from final order by staff_id nulls last
