-- The approved credit claims of the operational store (credit_claim with status APPROVED: claims, hand-overs and
-- settlements), replaced before every build.
create table if not exists ref.credit_claim (
    claim_id bigint not null,
    object_kind varchar not null,
    object_id varchar not null,
    staff_id varchar not null,
    share decimal(7, 6) not null,
    valid_from date not null,
    valid_to date not null,
    source varchar not null
)
