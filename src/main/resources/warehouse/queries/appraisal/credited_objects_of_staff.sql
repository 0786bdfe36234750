-- description: every object a staff member holds a share of on a date, as mart.credit_share holds it
-- grain: one row per object credited to the staff member on the date
-- param: staff_id: the staff member
-- param: business_date: the date
-- column: object_kind: CUSTOMER, DEPOSIT, LOAN, CARD, EB_USER or MERCHANT
-- column: object_id: the id
-- column: staff_id: the staff member
-- column: org_id: the object's org
-- column: org_path: its path
-- column: share: the staff member's share, 0..1
-- column: source: DEFAULT, CLAIM, HANDOVER or SETTLEMENT
-- column: valid_from: first day of the span
-- column: valid_to: last day of the span
with shares as (
    select * from mart.credit_share c
     where c.staff_id = :staff_id and {{ valid_on(c, :business_date) }}
       and {{ org_scope(c.org_path) }}
),
final as (
    select object_kind, object_id, staff_id, org_id, org_path, share, source, valid_from, valid_to from shares
)
select * from final order by object_kind, object_id
